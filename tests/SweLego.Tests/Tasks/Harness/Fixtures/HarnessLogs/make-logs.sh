#!/bin/bash
# Makes the captured logs in this folder: small repositories with real pytest, unittest, a
# Django-style runner (unittest's verbosity-2 runner with Django's `name (module.Class)` labels)
# and a Sympy-style runner (bin/test's verbose format), each run between the harness's markers.
# Usage: make-logs.sh OUT_DIR   (writes OUT_DIR/*.log; needs /usr/bin/python3 with pytest)
set -euo pipefail
out=$(realpath "$1")
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PYTHONHASHSEED=0
# pytest stops truncating its summary lines when CI or BUILD_NUMBER is set (as CI runs do): the fixtures were made without.
unset NO_COLOR PY_COLORS FORCE_COLOR PYTEST_ADDOPTS CI BUILD_NUMBER

# run NAME COMMAND...: the eval script's shape, stderr merged, exit status after the end marker.
run() {
  local name=$1; shift
  { echo "+ : '>>>>> Start Test Output'"; "$@" 2>&1; local rc=$?
    echo "+ : '>>>>> End Test Output'"; echo ">>>>> Test Exit Code: $rc"; } > "$out/$name.log" || true
}

mkdir -p "$work/pt/tests"
printf "[pytest]\ndisable_test_id_escaping_and_forfeit_all_rights_to_community_support = True\n" > "$work/pt/pytest.ini"
cat > "$work/pt/tests/test_cases.py" <<'PY'
import pytest

def test_pass():
    assert True

def test_fail():
    assert 1 == 2, "one - two"

@pytest.mark.parametrize("value", ["a b", "x[1]", "héllo ☃", "/tmp/data/file.txt"])
def test_param(value):
    assert value != "x[1]"

@pytest.mark.xfail(reason="known bug")
def test_xfail():
    assert False

@pytest.mark.xfail(reason="fixed already")
def test_xpass():
    assert True

@pytest.mark.skip(reason="not here")
def test_skipped():
    pass

@pytest.fixture
def broken_teardown():
    yield 1
    raise RuntimeError("teardown - boom")

def test_teardown_error(broken_teardown):
    assert broken_teardown == 1

@pytest.fixture
def broken_setup():
    raise RuntimeError("setup boom")

def test_setup_error(broken_setup):
    pass

def test_prints():
    print("PASSED tests/test_cases.py::test_spoofed")
PY
cd "$work/pt"
run pytest_rA $py -m pytest -rA -p no:cacheprovider tests
run pytest_color $py -m pytest -rA -p no:cacheprovider --color=yes tests
run pytest_verbose $py -m pytest -rA -v -p no:cacheprovider tests
run pytest_verbose_color $py -m pytest -rA -v -p no:cacheprovider --color=yes tests
run pytest_classic $py -m pytest -rA -vv -o console_output_style=classic --tb=no -p no:cacheprovider tests

mkdir -p "$work/ce/tests"
printf 'def test_ok():\n    assert True\n' > "$work/ce/tests/test_ok.py"
printf 'import not_a_module\n\ndef test_never():\n    pass\n' > "$work/ce/tests/test_broken.py"
cd "$work/ce"
run pytest_collection_error $py -m pytest -rA -p no:cacheprovider tests

# Cut off mid-run: a test kills the whole process group, as an OOM kill of the container would;
# nothing after it is printed, not even the end marker.
mkdir -p "$work/cut/tests"
cat > "$work/cut/tests/test_cut.py" <<'PY'
import os, signal

def test_first():
    assert True

def test_killer():
    os.killpg(0, signal.SIGKILL)

def test_never():
    assert True
PY
cd "$work/cut"
setsid bash -c "echo \"+ : '>>>>> Start Test Output'\"; $py -m pytest -rA -v -p no:cacheprovider tests 2>&1; echo \"+ : '>>>>> End Test Output'\"" > "$out/pytest_cutoff.log" || true

mkdir -p "$work/ut/pkg"
touch "$work/ut/pkg/__init__.py"
cat > "$work/ut/pkg/test_units.py" <<'PY'
import sys
import unittest

class Units(unittest.TestCase):
    def test_ok(self):
        pass

    def test_documented(self):
        """A docstring replaces nothing but adds a line."""
        pass

    def test_fail(self):
        self.assertEqual(1, 2)

    def test_error(self):
        raise ValueError("boom")

    @unittest.skip("not here")
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.fail("known")

    @unittest.expectedFailure
    def test_unexpected(self):
        pass

    def test_noisy(self):
        print("noise from the test")
        sys.stdout.flush()
PY
cd "$work/ut"
run unittest $py -m unittest -v pkg.test_units

# Django's runner: unittest's TextTestRunner at verbosity 2 with Django's `name (module.Class)` label.
mkdir -p "$work/dj/tests/app"
touch "$work/dj/tests/app/__init__.py"
cat > "$work/dj/tests/runtests.py" <<'PY'
import sys
import unittest
from unittest.util import strclass

class DjangoStyleResult(unittest.TextTestResult):
    def getDescription(self, test):
        label = "%s (%s)" % (test._testMethodName, strclass(test.__class__))
        doc = test.shortDescription()
        return "%s\n%s" % (label, doc) if doc else label

print("Testing against Django installed in '/testbed/django' with up to 1 processes")
print("System check identified no issues (0 silenced).")
suite = unittest.defaultTestLoader.loadTestsFromNames(sys.argv[1:])
result = unittest.TextTestRunner(verbosity=2, resultclass=DjangoStyleResult, stream=sys.stderr).run(suite)
sys.exit(not result.wasSuccessful())
PY
cat > "$work/dj/tests/app/tests.py" <<'PY'
import sys
import unittest

class ViewTests(unittest.TestCase):
    def test_ok(self):
        pass

    def test_documented(self):
        """The docstring line holds the status."""
        pass

    def test_late_ok(self):
        sys.stderr.write("output of the test\n")

    def test_late_fail(self):
        sys.stderr.write("output of the test\n")
        self.fail("late")

    def test_late_error(self):
        sys.stderr.write("output of the test\n")
        raise ValueError("late")

    def test_fail(self):
        self.assertEqual(1, 2)

    def test_error(self):
        raise KeyError("boom")

    @unittest.skip("Database has feature(s) supports_transactions")
    def test_skip(self):
        pass

    def test_prints_ok(self):
        sys.stderr.write("\nokay, printed by the test\n")
        self.fail("after printing")
PY
cd "$work/dj"
run django_runtests env PYTHONPATH=tests $py tests/runtests.py app.tests

# Sympy's bin/test -C --verbose format, printed by a tiny runner over real test functions.
mkdir -p "$work/sy/sympy/core/tests"
cat > "$work/sy/sympy/core/tests/test_basic.py" <<'PY'
def test_ok():
    assert 1 + 1 == 2

def test_fail():
    assert 1 + 1 == 3

def test_error():
    raise NameError("name 'b21' is not defined")

def test_expected_fail():
    assert False
test_expected_fail.xfail = True
PY
cat > "$work/sy/bin_test.py" <<'PY'
import importlib.util, sys, traceback
path = "sympy/core/tests/test_basic.py"
spec = importlib.util.spec_from_file_location("test_basic", path)
module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
tests = [n for n in vars(module) if n.startswith("test_")]
print("=" * 29 + " test process starts " + "=" * 30)
print("executable:         %s  (%s) [CPython]" % (sys.executable, sys.version.split()[0]))
print()
print("%s[%d] " % (path, len(tests)))
failures, summary = [], {"passed": 0, "failed": 0, "expected to fail": 0, "exceptions": 0}
for name in tests:
    fn = getattr(module, name)
    try:
        fn()
        status = "ok"; summary["passed"] += 1
    except AssertionError:
        if getattr(fn, "xfail", False):
            status = "f"; summary["expected to fail"] += 1
        else:
            status = "F"; summary["failed"] += 1; failures.append((name, traceback.format_exc()))
    except Exception:
        status = "E"; summary["exceptions"] += 1; failures.append((name, traceback.format_exc()))
    print("%s %s" % (name, status))
print()
for name, tb in failures:
    print("_" * 80)
    title = " %s:%s " % (path, name)
    print(title.center(80, "_"))
    print(tb, end="")
print()
print("=" * 7 + " tests finished: " + ", ".join("%d %s" % (v, k) for k, v in summary.items()) + " " + "=" * 8)
print("DO *NOT* COMMIT!")
sys.exit(1 if summary["failed"] or summary["exceptions"] else 0)
PY
cd "$work/sy"
run sympy_bin_test env "PYTHONWARNINGS=ignore::UserWarning,ignore::SyntaxWarning" $py bin_test.py
