"""SweLego: a warm pytest process that forks one child per test run, inside the sandbox session.

  python -P swelego_fork.py serve DIR ROOT   the server: imports pytest (never the repository),
                                             listens on DIR/sock, writes DIR/pid when ready
  python -I -S swelego_fork.py run DIR MODE ARG...
                                             a client: hands its stdin/stdout/stderr, working
                                             directory and environment to a fresh child that runs
                                             pytest.main(ARGS), and exits with the child's status;
                                             MODE is how the plain command starts pytest, `module`
                                             (python -m pytest) or `script` (the pytest script)

The parent only ever imports pytest, its plugins' modules and the standard library: it never
configures pytest (that would load the repository's conftest.py) and refuses to serve when a
module under ROOT (the workspace) was imported anyway. Each child imports the repository's
(possibly mutated) code afresh from disk, so nothing of one candidate reaches the next. A child
that crashes ends with its signal's status; a child that hangs is the session's timeout: the
stopped client's connection closes and the server kills the child's process group. A child dies with its server (PR_SET_PDEATHSIG).
"""
import json
import os
import pkgutil
import select
import signal
import socket
import sys

EXIT_NO_SERVER = 75


def serve(folder, root):
    os.closerange(3, 1024)  # nothing of the session's shell (its marker pipe) stays open here
    root = os.path.realpath(root)
    own = os.path.realpath(os.path.dirname(os.path.abspath(__file__)))
    base = list(sys.path)
    # Imports below never see the workspace: a repository module named like one of pytest's
    # dependencies must not be imported here.
    sys.path[:] = [p for p in base if p and not _under(os.path.realpath(p), root)]
    import pytest  # noqa: F401
    import _pytest

    for module in pkgutil.walk_packages(_pytest.__path__, "_pytest."):
        try:
            __import__(module.name)
        except Exception:  # optional parts (e.g. a missing extra) are left to the child
            pass
    sys.path[:] = base
    leaked = sorted(name for name, module in list(sys.modules.items())
                    if _under(_file_of(module), root) and not _under(_file_of(module), own))
    if leaked:
        sys.stderr.write("swelego: the fork server imported workspace modules: %s\n" % ", ".join(leaked))
        return 3

    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(os.path.join(folder, "sock"))
    listener.listen(4)
    with open(os.path.join(folder, "pid.tmp"), "w", encoding="utf-8") as handle:
        handle.write("%d\n" % os.getpid())
    os.replace(os.path.join(folder, "pid.tmp"), os.path.join(folder, "pid"))
    while True:
        connection, _ = listener.accept()
        try:
            _serve_one(listener, connection, base)
        except OSError as error:
            sys.stderr.write("swelego: request failed: %s\n" % error)
        finally:
            connection.close()


def _serve_one(listener, connection, base):
    message, fds, _, _ = socket.recv_fds(connection, 65536, 3)
    while not message.endswith(b"\n"):
        more = connection.recv(65536)
        if not more:
            raise OSError("the client sent an incomplete request")
        message += more
    request = json.loads(message)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        listener.close()
        connection.close()
        _child(fds, request, base)
    try:
        os.setpgid(pid, pid)  # as the child does: whichever runs first, the group exists before a kill
    except OSError:
        pass
    for fd in fds:
        os.close(fd)
    connection.sendall(b"%d\n" % _wait(pid, connection))


def _wait(pid, connection):
    """The child's exit status; a client that is gone (stopped for a timeout) takes its child with it."""
    pidfd = os.pidfd_open(pid)
    try:
        while True:
            ready, _, _ = select.select([connection, pidfd], [], [])
            if pidfd not in ready:
                if connection.recv(65536):
                    continue  # stray bytes: ignored
                os.killpg(pid, signal.SIGKILL)
            return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    finally:
        os.close(pidfd)


def _child(fds, request, base):
    code = 70
    try:
        os.setpgid(0, 0)  # its own group: a client that is gone takes the child's processes with it
        _die_with_parent()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        # As a fresh `python -m pytest` (the working directory first) or pytest script (its folder
        # first) would have it, then $PYTHONPATH, then the interpreter's own path.
        extra = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
        sys.path[:] = [request["path0"]] + extra + base
        sys.argv = ["pytest"] + request["args"]
        import pytest

        code = pytest.main(request["args"])
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:  # noqa: B036 - report anything, then end the child
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(int(code))


def _die_with_parent():
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:
        os._exit(EXIT_NO_SERVER)


def run(folder, mode, args):
    script = _console_script() if mode == "script" else None
    path0 = os.path.dirname(script) if script else os.getcwd()
    request = json.dumps({"args": args, "cwd": os.getcwd(), "env": dict(os.environ), "path0": path0}).encode() + b"\n"
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.connect(os.path.join(folder, "sock"))
        socket.send_fds(client, [request], [0, 1, 2])
        reply = b""
        while True:
            chunk = client.recv(64)
            if not chunk:
                break
            reply += chunk
    except OSError as error:
        sys.stderr.write("swelego: the fork server is gone: %s\n" % error)
        return EXIT_NO_SERVER
    if not reply.endswith(b"\n"):
        sys.stderr.write("swelego: the fork server ended without the test run's status\n")
        return EXIT_NO_SERVER
    code = int(reply)
    return 128 - code if code < 0 else code


def _console_script():
    """The pytest console script on PATH when it is a Python script (its folder is sys.path[0]); None for `python -m pytest` wrappers."""
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        candidate = os.path.join(folder, "pytest")
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            with open(candidate, "rb") as handle:
                first = handle.readline()
            return candidate if first.startswith(b"#!") and b"python" in first else None
    return None


def _file_of(module):
    name = getattr(module, "__file__", None)
    return os.path.realpath(name) if isinstance(name, str) else ""


def _under(path, root):
    return bool(path) and (path == root or path.startswith(root + os.sep))


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        sys.exit(serve(sys.argv[2], sys.argv[3]))
    sys.exit(run(sys.argv[2], sys.argv[3], sys.argv[4:]))
