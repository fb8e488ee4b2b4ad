"""SweLego's pytest plugin: which functions of the repository each test executes.

Loaded with ``-p swelego_coverage``. While a test runs (setup, call and teardown) a global
trace function records the code object of every new Python frame and returns None, so no
line events are ever produced: one cheap call per function call, nothing else. When the test
ends, the code objects whose file lies under the repository root are kept as
``[relative_file, co_firstlineno, qualname]`` (co_qualname on 3.11+, else co_name). At the end
of the session one JSON document is written: ``{nodeid: [[file, line, qualname], ...]}``.

On Python 3.12+ sys.monitoring (PEP 669) replaces the trace function when a tool id is free:
each function then costs one callback per test, not one per call.

Environment: SWELEGO_COVERAGE_OUTPUT (required: the JSON file to write),
SWELEGO_COVERAGE_ROOT (the repository root; default: pytest's rootdir) and
SWELEGO_COVERAGE_TRACER=settrace (never use sys.monitoring). Under pytest-xdist each worker
writes OUTPUT.<workerid> and the controller merges them into OUTPUT. Functions of the
collected test modules, conftest.py files, anything under a dot-folder (.git, .venv) or
site-packages are left out. The plugin never raises into a test: recording is a dict store.
Works with Python 3.8+ and pytest 5+.
"""

import json
import os
import sys
import threading

import pytest

_OUTPUT = "SWELEGO_COVERAGE_OUTPUT"
_ROOT = "SWELEGO_COVERAGE_ROOT"
_TRACER = "SWELEGO_COVERAGE_TRACER"

# id(code) -> code for the running test; None between tests. Keeping the code object alive
# keeps its id unique for as long as the entry exists.
_current = None


def _trace(frame, event, arg):
    current = _current
    if current is not None:
        code = frame.f_code
        current[id(code)] = code
    return None


def _chained(previous):
    # Another tool (a debugger, coverage.py) traces already: record, then let it trace as before.
    def trace(frame, event, arg):
        current = _current
        if current is not None:
            code = frame.f_code
            current[id(code)] = code
        return previous(frame, event, arg)

    return trace


class _SetTrace(object):
    """sys.settrace in this thread and threading.settrace for threads started meanwhile."""

    def start(self):
        self.previous = sys.gettrace()
        self.previous_threads = getattr(threading, "_trace_hook", None)
        function = _trace if self.previous is None else _chained(self.previous)
        threading.settrace(function)
        sys.settrace(function)

    def stop(self):
        sys.settrace(self.previous)
        threading.settrace(self.previous_threads)

    def close(self):
        pass


class _Monitoring(object):
    """Python 3.12+ (PEP 669): PY_START/PY_RESUME in every thread, each switched off at its code
    location after the first event (DISABLE) and switched on again for the next test, so a
    function costs one callback per test instead of one per call."""

    def __init__(self, monitoring, tool):
        self.monitoring = monitoring
        self.tool = tool
        self.events = monitoring.events.PY_START | monitoring.events.PY_RESUME
        disable = monitoring.DISABLE

        def record(code, offset):
            current = _current
            if current is not None:
                current[id(code)] = code
            return disable

        monitoring.use_tool_id(tool, "swelego_coverage")
        monitoring.register_callback(tool, monitoring.events.PY_START, record)
        monitoring.register_callback(tool, monitoring.events.PY_RESUME, record)

    def start(self):
        self.monitoring.restart_events()
        self.monitoring.set_events(self.tool, self.events)

    def stop(self):
        self.monitoring.set_events(self.tool, 0)

    def close(self):
        self.stop()
        self.monitoring.register_callback(self.tool, self.monitoring.events.PY_START, None)
        self.monitoring.register_callback(self.tool, self.monitoring.events.PY_RESUME, None)
        self.monitoring.free_tool_id(self.tool)


def _tracer():
    monitoring = getattr(sys, "monitoring", None)
    if monitoring is not None and os.environ.get(_TRACER) != "settrace":
        for tool in (3, 4):  # 0-2 and 5 are the debugger's, coverage's, the profiler's, the optimizer's
            if monitoring.get_tool(tool) is None:
                return _Monitoring(monitoring, tool)
    return _SetTrace()


class _Recorder(object):
    def __init__(self, root, output):
        self.root = os.path.realpath(root)
        self.output = output
        self.cwd = os.getcwd()
        self.own_file = os.path.realpath(os.path.abspath(__file__))
        self.relative = {}  # co_filename -> relative path or None
        self.excluded = set()  # real paths of test modules
        self.tests = {}
        self.problems = []

    def relative_path(self, filename):
        try:
            return self.relative[filename]
        except KeyError:
            pass
        result = None
        if filename and not filename.startswith("<"):
            path = filename if os.path.isabs(filename) else os.path.join(self.cwd, filename)
            real = os.path.realpath(path)
            if real != self.own_file and real not in self.excluded and os.path.basename(real) != "conftest.py":
                relative = os.path.relpath(real, self.root)
                parts = relative.split(os.sep)
                if (
                    parts[0] != os.pardir
                    and not os.path.isabs(relative)
                    and not any(p.startswith(".") or p in ("site-packages", "dist-packages", "__pycache__") for p in parts[:-1])
                ):
                    result = "/".join(parts)
        self.relative[filename] = result
        return result

    def exclude(self, items):
        for item in items:
            if not isinstance(item, pytest.Function):
                continue  # a doctest item's file is the module under test
            path = getattr(item, "path", None) or getattr(item, "fspath", None)
            if path is not None:
                self.excluded.add(os.path.realpath(str(path)))
        self.relative = {}

    def record(self, nodeid, codes):
        functions = self.tests.setdefault(nodeid, set())
        for code in codes.values():
            relative = self.relative_path(code.co_filename)
            if relative is not None:
                functions.add((relative, code.co_firstlineno, getattr(code, "co_qualname", code.co_name)))

    def write(self, worker):
        # pytest-xdist: each worker writes OUTPUT.<workerid>; the controller, whose session ends
        # after every worker's, merges them into OUTPUT.
        document = {}
        for nodeid in sorted(self.tests):
            document[nodeid] = [list(f) for f in sorted(self.tests[nodeid])]
        output = self.output if worker is None else "%s.%s" % (self.output, worker)
        directory = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(directory):
            os.makedirs(directory)
        if worker is None:
            prefix = os.path.basename(self.output) + ".gw"
            for name in sorted(os.listdir(directory)):
                if name.startswith(prefix) and not name.endswith(".tmp"):
                    path = os.path.join(directory, name)
                    with open(path, encoding="utf-8") as stream:
                        document.update(json.load(stream))
                    os.remove(path)
        temporary = output + ".tmp"
        with open(temporary, "w", encoding="utf-8") as stream:
            json.dump(document, stream, separators=(",", ":"), sort_keys=True)
        os.replace(temporary, output)


_recorder = None


def pytest_configure(config):
    global _recorder
    output = os.environ.get(_OUTPUT)
    if not output:
        return
    root = os.environ.get(_ROOT) or str(getattr(config, "rootpath", None) or config.rootdir)
    _recorder = _Recorder(root, output)
    _recorder.tracer = _tracer()


def pytest_unconfigure(config):
    if _recorder is not None:
        _recorder.tracer.close()


def pytest_collection_finish(session):
    if _recorder is not None:
        _recorder.exclude(session.items)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    global _current
    recorder = _recorder
    if recorder is None:
        yield
        return
    codes = {}
    _current = codes
    recorder.tracer.start()
    try:
        yield
    finally:
        recorder.tracer.stop()
        _current = None
        try:
            recorder.record(item.nodeid, codes)
        except Exception as error:  # never turn a recording problem into a pytest error
            recorder.problems.append("%s: %r" % (item.nodeid, error))


def pytest_sessionfinish(session, exitstatus):
    if _recorder is None:
        return
    for problem in _recorder.problems:
        sys.stderr.write("swelego_coverage: not recorded: %s\n" % problem)
    workerinput = getattr(session.config, "workerinput", None)
    try:
        _recorder.write(None if workerinput is None else workerinput.get("workerid", "gw"))
    except Exception as error:  # no output file: the caller reports that, pytest's exit status stays
        sys.stderr.write("swelego_coverage: cannot write %s: %r\n" % (_recorder.output, error))
