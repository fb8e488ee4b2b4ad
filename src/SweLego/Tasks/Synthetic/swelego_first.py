"""SweLego: run the tests named in $SWELEGO_FIRST (one node id per line) before all others, and
stop the session as soon as they have all run without a failure.

A bug that none of the tests executing its function catches is rejected after those tests alone;
a bug they catch gets the whole suite in the same process, so its FAIL_TO_PASS / PASS_TO_PASS
lists stay exact. Tests are only reordered, never skipped before the decision.
"""
import os

import pytest

STOP_REASON = "swelego: none of the covering tests failed"

_first = None
_remaining = 0
_failed = False
_session = None


def pytest_configure(config):
    global _first
    path = os.environ.get("SWELEGO_FIRST")
    if path:
        with open(path, encoding="utf-8") as handle:
            _first = {line.rstrip("\n") for line in handle if line.strip()}


def pytest_sessionstart(session):
    global _session
    _session = session


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    global _remaining
    if _first is None:
        return
    first = [item for item in items if item.nodeid in _first]
    items[:] = first + [item for item in items if item.nodeid not in _first]
    # None collected (renamed tests?): nothing to decide early, the whole suite runs.
    _remaining = len(first)


def pytest_runtest_logreport(report):
    global _failed
    if _first is not None and report.nodeid in _first and report.failed:
        _failed = True


def pytest_runtest_logfinish(nodeid, location):
    global _remaining
    if _first is None or nodeid not in _first or _remaining == 0:
        return
    _remaining -= 1
    if _remaining == 0 and not _failed and _session is not None:
        _session.shouldstop = STOP_REASON
