"""SweLego: run the tests named in $SWELEGO_FIRST (one node id per line) before all others, and
stop the session as soon as they have all run without a failure.

A bug that none of the tests executing its function catches is rejected after those tests alone;
a bug they catch gets the whole suite in the same process, so its FAIL_TO_PASS / PASS_TO_PASS
lists stay exact. Tests are only reordered, never skipped before the decision.

With $SWELEGO_ONLY=1 only those tests run: test files holding none of them are not even
collected, and the other items of the files that are collected are deselected. The caller takes
every other test's status from the clean baseline (the fast mode).
"""
import os

import pytest

STOP_REASON = "swelego: none of the covering tests failed"

_first = None
_files = None
_only = False
_remaining = 0
_failed = False
_session = None


def pytest_configure(config):
    global _first, _files, _only
    path = os.environ.get("SWELEGO_FIRST")
    if path:
        with open(path, encoding="utf-8") as handle:
            _first = {line.rstrip("\n") for line in handle if line.strip()}
        _only = os.environ.get("SWELEGO_ONLY") == "1"
        _files = {test.split("::", 1)[0] for test in _first}


def pytest_sessionstart(session):
    global _session
    _session = session


def pytest_ignore_collect(collection_path, config):
    if not _only or collection_path.suffix != ".py" or collection_path.name == "conftest.py":
        return None
    try:
        relative = collection_path.relative_to(config.rootpath).as_posix()
    except ValueError:
        return None
    return True if relative not in _files else None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    global _remaining
    if _first is None:
        return
    first = [item for item in items if item.nodeid in _first]
    if _only:
        config.hook.pytest_deselected(items=[item for item in items if item.nodeid not in _first])
        items[:] = first
        return
    items[:] = first + [item for item in items if item.nodeid not in _first]
    # None collected (renamed tests?): nothing to decide early, the whole suite runs.
    _remaining = len(first)


def pytest_runtest_logreport(report):
    global _failed
    if _first is not None and report.nodeid in _first and report.failed:
        _failed = True


def pytest_runtest_logfinish(nodeid, location):
    global _remaining
    if _first is None or _only or nodeid not in _first or _remaining == 0:
        return
    _remaining -= 1
    if _remaining == 0 and not _failed and _session is not None:
        _session.shouldstop = STOP_REASON
