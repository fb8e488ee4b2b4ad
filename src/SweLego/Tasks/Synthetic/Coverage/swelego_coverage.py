"""SweLego's pytest plugin: which functions of the repository each test executes.

Loaded with ``-p swelego_coverage``. While a test runs (setup, call and teardown) a global
trace function records the code object of every new Python frame and returns None, so no
line events are ever produced: one cheap call per function call, nothing else. When the test
ends, the code objects whose file lies under the repository root are kept as
``[relative_file, co_firstlineno, qualname]`` (co_qualname on 3.11+, else co_name). At the end
of the session one JSON document is written: ``{nodeid: [[file, line, qualname], ...]}``.

Environment: SWELEGO_COVERAGE_OUTPUT (required: the JSON file to write) and
SWELEGO_COVERAGE_ROOT (the repository root; default: pytest's rootdir). Functions of the
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


class _Recorder(object):
    def __init__(self, root, output):
        self.root = os.path.realpath(root)
        self.output = output
        self.cwd = os.getcwd()
        self.own_file = os.path.realpath(os.path.abspath(__file__))
        self.relative = {}  # co_filename -> relative path or None
        self.excluded = set()  # real paths of test modules
        self.tests = {}

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

    def write(self):
        document = {}
        for nodeid in sorted(self.tests):
            document[nodeid] = [list(f) for f in sorted(self.tests[nodeid])]
        directory = os.path.dirname(os.path.abspath(self.output))
        if not os.path.isdir(directory):
            os.makedirs(directory)
        temporary = self.output + ".tmp"
        with open(temporary, "w", encoding="utf-8") as stream:
            json.dump(document, stream, separators=(",", ":"))
        os.replace(temporary, self.output)


_recorder = None


def pytest_configure(config):
    global _recorder
    output = os.environ.get(_OUTPUT)
    if not output:
        return
    root = os.environ.get(_ROOT) or str(getattr(config, "rootpath", None) or config.rootdir)
    _recorder = _Recorder(root, output)


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
    previous = sys.gettrace()
    previous_threads = getattr(threading, "_trace_hook", None)
    codes = {}
    _current = codes
    function = _trace if previous is None else _chained(previous)
    threading.settrace(function)
    sys.settrace(function)
    try:
        yield
    finally:
        sys.settrace(previous)
        threading.settrace(previous_threads)
        _current = None
        recorder.record(item.nodeid, codes)


def pytest_sessionfinish(session, exitstatus):
    if _recorder is not None:
        _recorder.write()
