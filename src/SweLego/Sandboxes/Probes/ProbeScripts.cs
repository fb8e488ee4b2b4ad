namespace SweLego.Sandboxes.Probes;

/// <summary>
/// The probes' Python (the sandbox image has bash, coreutils and python3, nothing else). Each
/// prints one line per attempt starting with a verdict word the probe reads back. They stay
/// harmless when an attempt succeeds: nothing is sent but a ping, nothing written but markers.
/// </summary>
internal static class ProbeScripts
{
    /// <summary><c>python3 -c SCRIPT ARGS...</c> as bash source.</summary>
    public static string Python(string script, params string[] arguments) =>
        string.Join(' ', ["python3", "-c", BashQuoting.Quote(script), .. arguments.Select(BashQuoting.Quote)]);

    // argv: host port
    public const string Connect = """
        import socket, sys
        try:
            socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=5).close()
            print("CONNECTED %s:%s" % (sys.argv[1], sys.argv[2]))
        except OSError as e:
            print("REFUSED %s:%s: %s" % (sys.argv[1], sys.argv[2], e))
        """;

    // No query leaves unless there is no route anywhere: a UDP connect is a route lookup, no packet.
    public const string Dns = """
        import socket
        def routed(host):
            try:
                family = socket.getaddrinfo(host, 53, type=socket.SOCK_DGRAM, flags=socket.AI_NUMERICHOST)[0][0]
                with socket.socket(family, socket.SOCK_DGRAM) as s:
                    s.connect((host, 53))
                return True
            except OSError:
                return False
        servers = []
        try:
            for line in open("/etc/resolv.conf"):
                parts = line.split()
                if len(parts) >= 2 and parts[0] == "nameserver" and not parts[1].startswith("127.") and parts[1] != "::1":
                    servers.append(parts[1])
        except OSError:
            pass
        with open("/proc/net/dev") as f:
            interfaces = [l.split(":")[0].strip() for l in f.read().splitlines()[2:]]
        outside = [i for i in interfaces if i != "lo"]
        routes = [h for h in ["192.0.2.1", "2001:db8::1"] + servers if routed(h)]
        if outside or routes:
            print("NETWORK interfaces %s, routes to %s (no query sent)" % (",".join(outside) or "none", ",".join(routes) or "none"))
        else:
            try:
                socket.getaddrinfo("example.com", 80)
                print("RESOLVED example.com")
            except socket.gaierror as e:
                print("UNRESOLVED example.com: %s (interfaces: lo only, no route)" % e)
        """;

    // argv: socket paths. Connects and closes; only a Docker socket gets a request, GET /_ping.
    public const string UnixSockets = """
        import errno, socket, sys
        for path in sys.argv[1:]:
            line = None
            for kind in (socket.SOCK_STREAM, socket.SOCK_SEQPACKET, socket.SOCK_DGRAM):
                s = socket.socket(socket.AF_UNIX, kind)
                s.settimeout(3)
                try:
                    s.connect(path)
                except OSError as e:
                    s.close()
                    line = "DENIED %s: %s" % (path, e.strerror or e)
                    if e.errno == errno.EPROTOTYPE:
                        continue
                    break
                reply = ""
                if kind == socket.SOCK_STREAM and path.endswith("docker.sock"):
                    try:
                        s.sendall(b"GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n")
                        reply = " (GET /_ping: %s)" % s.recv(200).split(b"\r\n")[0].decode("ascii", "replace")
                    except OSError as e:
                        reply = " (GET /_ping: %s)" % e
                s.close()
                line = "CONNECTED %s%s" % (path, reply)
                break
            print(line)
        """;

    // argv: host pid, variable name
    public const string Environ = """
        import os, sys
        pid, name = sys.argv[1], sys.argv[2].encode() + b"="
        hits, direct = [], "pid %s is not visible" % pid
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open("/proc/%s/environ" % entry, "rb") as f:
                    data = f.read()
            except OSError as e:
                if entry == pid:
                    direct = "/proc/%s/environ: %s" % (pid, e.strerror)
                continue
            if entry == pid:
                direct = "/proc/%s/environ holds no such variable" % pid
            if any(v.startswith(name) for v in data.split(b"\0")):
                hits.append(entry)
        print(("FOUND in /proc/%s/environ" % ",".join(hits)) if hits else ("NOTFOUND " + direct))
        """;

    // Opens for writing and closes without writing a byte: sysfs acts on write(), not open().
    public const string SysOpen = """
        import glob, os
        paths = ["/sys/kernel/mm/transparent_hugepage/enabled", "/sys/kernel/uevent_helper", "/sys/fs/cgroup/release_agent"]
        paths += sorted(glob.glob("/sys/fs/cgroup/*/release_agent"))
        tried = 0
        for path in paths:
            if not os.path.exists(path):
                continue
            tried += 1
            try:
                os.close(os.open(path, os.O_WRONLY))
                print("OPENED %s for writing (nothing written)" % path)
            except OSError as e:
                print("DENIED %s: %s" % (path, e.strerror))
        if tried == 0:
            print("ABSENT none of the candidate files exists here")
        """;

    public const string Mount = """
        import ctypes, os
        libc = ctypes.CDLL(None, use_errno=True)
        target = os.path.abspath("swelego-mount-probe")
        os.makedirs(target, exist_ok=True)
        if libc.mount(b"none", target.encode(), b"tmpfs", 0, b"size=1m") == 0:
            libc.umount2(target.encode(), 2)
            print("MOUNTED a tmpfs on %s (unmounted again)" % target)
        else:
            print("REFUSED mount: %s" % os.strerror(ctypes.get_errno()))
        """;

    // Each attempt in a child of its own: a new namespace must not change the next attempt.
    public const string Unshare = """
        import ctypes, os
        libc = ctypes.CDLL(None, use_errno=True)
        for name, flag in (("CLONE_NEWUSER", 0x10000000), ("CLONE_NEWNS", 0x00020000), ("CLONE_NEWNET", 0x40000000)):
            pid = os.fork()
            if pid == 0:
                os._exit(0 if libc.unshare(flag) == 0 else (ctypes.get_errno() or 1) & 255)
            code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
            print(("ALLOWED unshare(%s)" % name) if code == 0 else ("REFUSED unshare(%s): %s" % (name, os.strerror(code))))
        """;

    public const string Chroot = """
        import os
        try:
            os.chroot(".")
            print("CHROOTED into the workspace")
        except OSError as e:
            print("REFUSED chroot: %s" % e.strerror)
        """;

    // argv: major minor. Creates the node in the workspace; reads 512 bytes at most.
    public const string Mknod = """
        import os, stat, sys
        major, minor = int(sys.argv[1]), int(sys.argv[2])
        try:
            os.mknod("swelego-dev", stat.S_IFBLK | 0o600, os.makedev(major, minor))
        except OSError as e:
            print("REFUSED mknod %d:%d: %s" % (major, minor, e.strerror))
            sys.exit(0)
        print("MADE block device %d:%d" % (major, minor))
        try:
            with open("swelego-dev", "rb") as f:
                print("READ %d bytes of device %d:%d" % (len(f.read(512)), major, minor))
        except OSError as e:
            print("UNREADABLE device %d:%d: %s" % (major, minor, e.strerror))
        """;

    // argv: key description. A key that gets added expires within a minute whatever happens,
    // and is invalidated as soon as the host has looked (it sends a line on stdin).
    public const string Keyring = """
        import ctypes, os, platform, select, sys
        ADD_KEY, KEYCTL = {"x86_64": (248, 250), "aarch64": (217, 219)}[platform.machine()]
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall.restype = ctypes.c_long
        L = ctypes.c_long
        serial = libc.syscall(L(ADD_KEY), b"user", sys.argv[1].encode(), b"swelego-probe", L(13), L(-4))
        if serial < 0:
            print("REFUSED add_key: %s" % os.strerror(ctypes.get_errno()))
            sys.exit(0)
        libc.syscall(L(KEYCTL), L(15), L(serial), L(60))
        print("ADDED key %d" % serial, flush=True)
        if select.select([0], [], [], 20)[0]:
            os.read(0, 64)
        gone = libc.syscall(L(KEYCTL), L(21), L(serial)) == 0
        print("REMOVED key %d" % serial if gone else "KEPT key %d (expires in 60 s)" % serial)
        """;

    // argv: pid argument. Targets the host's bait: the pid as given, if here it is not another
    // process, and any `sleep <argument>`. PTRACE_ATTACH is undone at once; SIGKILL only hits the bait.
    public const string PtraceKill = """
        import ctypes, os, signal, sys
        libc = ctypes.CDLL(None, use_errno=True)
        L = ctypes.c_long
        pid, argument = int(sys.argv[1]), sys.argv[2]
        def argv(p):
            try:
                with open("/proc/%d/cmdline" % p, "rb") as f:
                    return f.read().decode(errors="replace").split("\0")
            except OSError:
                return None
        def bait(a):
            return a is not None and len(a) >= 2 and a[0].endswith("sleep") and a[1] == argument
        targets = {int(e) for e in os.listdir("/proc") if e.isdigit() and bait(argv(int(e)))}
        own = argv(pid)
        if own is None or bait(own):
            targets.add(pid)
        else:
            print("SKIPPED pid %d: here it is %s" % (pid, " ".join(own).strip()))
        for t in sorted(targets):
            if libc.ptrace(L(16), L(t), None, None) == 0:
                print("ATTACHED to pid %d" % t)
                os.waitpid(t, 0x40000000)
                libc.ptrace(L(17), L(t), None, None)
            else:
                print("REFUSED ptrace(ATTACH, %d): %s" % (t, os.strerror(ctypes.get_errno())))
            try:
                os.kill(t, signal.SIGKILL)
                print("KILLED pid %d" % t)
            except OSError as e:
                print("REFUSED kill(%d): %s" % (t, e.strerror))
        """;

    // Touches every page (a bytes literal times n is written, unlike bytearray's zero pages).
    public const string MemoryHog = """
        chunks = []
        for _ in range(128):
            chunks.append(b"\x01" * (64 << 20))
        print("SUR" + "VIVED with %d MiB" % (64 * len(chunks)))
        """;

    // Ignores Ctrl-C, so only the escalation to SIGKILL ends it.
    public const string Hang = """
        import signal, time
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        while True:
            time.sleep(3600)
        """;
}
