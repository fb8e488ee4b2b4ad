using System.Text.Json.Nodes;
using SweLego.Agent;
using SweLego.Agent.Tools;
using SweLego.Curation;
using SweLego.Curation.Masking;

namespace SweLego.Tests.Curation.Masking;

/// <summary>
/// Hand-checked turns with known decisions under the default rules: each mask rule, each exemption, and the
/// look-alikes that must stay trained. Observations are the agent's own texts (BashObservation, the editor's
/// errors, the protocol's error observation) or, where said, an imported tool's.
/// </summary>
public sealed class StepMaskerTests
{
    private static readonly StepMasker Masker = new(MaskingRules.Default);

    private const string ValueErrorTraceback = """
        Traceback (most recent call last):
          File "<string>", line 1, in <module>
          File "/testbed/src/tally/parse.py", line 41, in parse_duration
            raise ValueError(f"bad duration {text!r}")
        ValueError: bad duration '5x'
        """;

    private static TurnDecision Last(TurnScript script) => Masker.Decide(script.Build())[^1];

    private static void AssertDecision(TurnDecision decision, bool masked, string rule, string? evidence)
    {
        Assert.Equal((masked, rule, evidence), (decision.Masked, decision.Rule, decision.Evidence));
    }

    // ---- each default mask rule ----

    [Fact]
    public void Decide_MalformedCall_MaskedWithTheProtocolError()
    {
        var decision = Last(new TurnScript().Malformed("<function=execute_bash>\n<parameter=cmd>pytest</parameter>\n</function>"));
        Assert.True(decision.Masked);
        Assert.Equal("malformed-call", decision.Rule);
        Assert.Contains("cmd", decision.Evidence);
    }

    [Fact]
    public void Decide_ErrorObservation_Masked()
    {
        var decision = Last(new TurnScript().ToolCallError(StrReplaceEditorTool.Name, new JsonObject { ["command"] = "view", ["path"] = "/testbed/logo.png" }, "ERROR_BINARY_FILE"));
        AssertDecision(decision, true, "error-observation", "[Error occurred in processing last action]");
    }

    [Fact]
    public void Decide_EditorNoReplacement_MaskedAsNoReplacement()
    {
        var decision = Last(new TurnScript().EditorError("str_replace", "/testbed/src/tally/parse.py",
            "No replacement was performed, old_str `return int(text)` did not appear verbatim in /testbed/src/tally/parse.py."));
        AssertDecision(decision, true, "no-replacement", "No replacement was performed, old_str `return int(text)` did not appear verbatim in /testbed/src/tally/parse.py.");
    }

    [Fact]
    public void Decide_EditorError_Masked()
    {
        var decision = Last(new TurnScript().EditorError("view", "/testbed/src/tally/missing.py",
            SweLego.Agent.Tools.EditorError.Invalid("path", "/testbed/src/tally/missing.py", "The path /testbed/src/tally/missing.py does not exist. Please provide a valid path.").Message));
        AssertDecision(decision, true, "editor-error",
            "Invalid `path` parameter: /testbed/src/tally/missing.py. The path /testbed/src/tally/missing.py does not exist. Please provide a valid path.");
    }

    [Fact]
    public void Decide_EmptyCommandWithNothingRunning_Masked()
    {
        var decision = Last(new TurnScript().Raw("", BashObservation.NoCommandToRead));
        AssertDecision(decision, true, "no-running-command", BashObservation.NoCommandToRead);
    }

    [Fact]
    public void Decide_HardTimeoutOfATestRun_MaskedNotExempt()
    {
        var decision = Last(new TurnScript().BashStillRunning("cd /testbed && python -m pytest tests/", "tests/test_parse.py ....", 120));
        AssertDecision(decision, true, "timeout", RulePattern.Evidence($"[{BashObservation.TimedOutNote(120)}]"));
    }

    [Fact]
    public void Decide_NoOutputTimeout_Masked()
    {
        var decision = Last(new TurnScript().BashStillRunning("python -c 'import time; time.sleep(600)'", "", timeoutSeconds: null));
        AssertDecision(decision, true, "timeout", RulePattern.Evidence($"[{BashObservation.NoOutputNote(10)}]"));
    }

    [Fact]
    public void Decide_TestRunnerNotInstalled_MaskedAsCommandNotFound()
    {
        var decision = Last(new TurnScript().Bash("cd /testbed && pytest tests/", "bash: pytest: command not found", 127));
        AssertDecision(decision, true, "command-not-found", "bash: pytest: command not found");
    }

    [Fact]
    public void Decide_ReproductionScriptThatDoesNotExist_MaskedAsMissingScript()
    {
        var decision = Last(new TurnScript().Bash("python /testbed/reproduce.py",
            "python: can't open file '/testbed/reproduce.py': [Errno 2] No such file or directory", 2));
        AssertDecision(decision, true, "missing-script", "python: can't open file '/testbed/reproduce.py': [Errno 2] No such file or directory");
    }

    [Fact]
    public void Decide_SyntaxErrorOutsideTests_Masked()
    {
        var decision = Last(new TurnScript().Bash("cd /testbed && python -c 'import tally'", """
            Traceback (most recent call last):
              File "<string>", line 1, in <module>
              File "/testbed/src/tally/__init__.py", line 3, in <module>
                from .parse import parse_duration
              File "/testbed/src/tally/parse.py", line 40
                if text.endswith("s")
                                     ^
            SyntaxError: expected ':'
            """, 1));
        AssertDecision(decision, true, "syntax-error", "SyntaxError: expected ':'");
    }

    [Fact]
    public void Decide_TracebackOutsideTests_MaskedWithTheExceptionLine()
    {
        var decision = Last(new TurnScript().Bash("cd /testbed && python -c \"from tally.parse import parse_duration; parse_duration('5x')\"", ValueErrorTraceback, 1));
        AssertDecision(decision, true, "python-traceback", "ValueError: bad duration '5x'");
    }

    [Fact]
    public void Decide_MissingFile_Masked()
    {
        var decision = Last(new TurnScript().Bash("cat /testbed/setup.cfg", "cat: /testbed/setup.cfg: No such file or directory", 1));
        AssertDecision(decision, true, "no-such-file", "cat: /testbed/setup.cfg: No such file or directory");
    }

    [Fact]
    public void Decide_FailingCommand_MaskedAsNonzeroExit()
    {
        var decision = Last(new TurnScript().Bash("cd /testbed && git apply /tmp/fix.patch", "error: patch failed: src/tally/parse.py:38\nerror: src/tally/parse.py: patch does not apply", 1));
        AssertDecision(decision, true, "nonzero-exit", "exit code 1");
    }

    // ---- each exemption ----

    [Theory]
    [InlineData("cd /testbed && python -m pytest -x tests/test_parse.py", "python -m pytest -x tests/test_parse.py")]
    [InlineData("cd /testbed && python3 -m pytest -q -k duration", "python3 -m pytest -q -k duration")]
    [InlineData("pytest tests/test_parse.py::test_duration -x", "pytest tests/test_parse.py::test_duration -x")]
    [InlineData("py.test tests", "py.test tests")]
    [InlineData("PYTHONPATH=src timeout 300 pytest -q", "pytest -q")]
    [InlineData("cd /testbed && python -m unittest tests.test_parse", "python -m unittest tests.test_parse")]
    [InlineData("tox -e py311", "tox -e py311")]
    [InlineData("nox -s tests", "nox -s tests")]
    [InlineData("cd /testbed && python tests/runtests.py utils_tests", "python tests/runtests.py utils_tests")]
    [InlineData("cd /testbed && ./tests/runtests.py --settings=test_sqlite", "./tests/runtests.py --settings=test_sqlite")]
    [InlineData("bin/test sympy/core/tests/test_basic.py", "bin/test sympy/core/tests/test_basic.py")]
    [InlineData("python manage.py test polls", "python manage.py test polls")]
    [InlineData("cd /testbed && python -m pytest -x tests/ 2>&1 | tee /tmp/out.txt; exit ${PIPESTATUS[0]}", "python -m pytest -x tests/ 2>&1")]
    public void Decide_FailingTestRun_KeptByRunsTests(string command, string segment)
    {
        var decision = Last(new TurnScript().Bash(command, "FAILED tests/test_parse.py::test_duration - AssertionError: assert 5 == 300\n1 failed, 11 passed in 0.21s", 1));
        AssertDecision(decision, false, "runs-tests", $"{segment} (exempts nonzero-exit: exit code 1)");
    }

    [Fact]
    public void Decide_UnittestTracebackInTestRun_KeptByRunsTests()
    {
        var decision = Last(new TurnScript().Bash("cd /testbed && python -m unittest tests.test_parse", "E\n======================================================================\n" +
            "ERROR: test_duration (tests.test_parse.ParseTests.test_duration)\n----------------------------------------------------------------------\n" +
            ValueErrorTraceback + "\n----------------------------------------------------------------------\nRan 1 test in 0.001s\n\nFAILED (errors=1)", 1));
        AssertDecision(decision, false, "runs-tests", "python -m unittest tests.test_parse (exempts python-traceback: ValueError: bad duration '5x')");
    }

    [Fact]
    public void Decide_NoSuchFileInsideTestOutput_KeptByRunsTests()
    {
        var decision = Last(new TurnScript().Bash("cd /testbed && python -m pytest tests/test_io.py",
            "E   FileNotFoundError: [Errno 2] No such file or directory: '/tmp/missing.csv'\nFAILED tests/test_io.py::test_load\n" +
            "tally: /tmp/missing.csv: No such file or directory\n1 failed in 0.05s", 1));
        AssertDecision(decision, false, "runs-tests", "python -m pytest tests/test_io.py (exempts no-such-file: tally: /tmp/missing.csv: No such file or directory)");
    }

    [Theory]
    [InlineData("python /testbed/reproduce_issue.py", "python /testbed/reproduce_issue.py")]
    [InlineData("cd /testbed && python reproduce.py", "python reproduce.py")]
    [InlineData("cd /tmp && python3 repro_bug.py --verbose", "python3 repro_bug.py --verbose")]
    [InlineData("python test_duration_bug.py", "python test_duration_bug.py")]
    [InlineData("python /tmp/duration_test.py", "python /tmp/duration_test.py")]
    public void Decide_ReproductionScriptByName_KeptByReproductionScript(string command, string segment)
    {
        var decision = Last(new TurnScript().Bash(command, ValueErrorTraceback, 1));
        AssertDecision(decision, false, "reproduction-script", $"{segment} (exempts python-traceback: ValueError: bad duration '5x')");
    }

    [Fact]
    public void Decide_ScriptCreatedWithTheEditorEarlier_KeptByReproductionScript()
    {
        var decision = Last(new TurnScript()
            .Create("/testbed/check_duration.py", "from tally.parse import parse_duration\nprint(parse_duration('5m'))\n")
            .Think("Now run it.")
            .Bash("cd /testbed && python check_duration.py", ValueErrorTraceback, 1));
        AssertDecision(decision, false, "reproduction-script",
            "python check_duration.py (created in turn 1) (exempts python-traceback: ValueError: bad duration '5x')");
    }

    [Fact]
    public void Decide_ScriptWrittenByHeredocInTheSameCommand_KeptByReproductionScript()
    {
        var decision = Last(new TurnScript().Bash("""
            cat > /tmp/verify.py << 'EOF'
            import sys
            from tally.parse import parse_duration
            sys.exit(0 if parse_duration("5m") == 300 else 1)
            EOF
            python /tmp/verify.py
            """, "", 1));
        AssertDecision(decision, false, "reproduction-script", "python /tmp/verify.py (created in turn 1) (exempts nonzero-exit: exit code 1)");
    }

    [Fact]
    public void Decide_ScriptWrittenByEchoRedirectEarlier_KeptByReproductionScript()
    {
        var decision = Last(new TurnScript()
            .Bash("echo 'import tally; assert tally.parse_duration(\"1h\") == 3600' > /tmp/check.py", "")
            .Bash("python /tmp/check.py", "Traceback (most recent call last):\n  File \"/tmp/check.py\", line 1, in <module>\nAssertionError", 1));
        AssertDecision(decision, false, "reproduction-script", "python /tmp/check.py (created in turn 1) (exempts python-traceback: AssertionError)");
    }

    [Fact]
    public void Decide_ScriptTheAgentDidNotCreate_Masked()
    {
        var decision = Last(new TurnScript().Bash("python scripts/release.py --check", "release: version mismatch", 1));
        AssertDecision(decision, true, "nonzero-exit", "exit code 1");
    }

    [Theory]
    [InlineData("grep -rn \"def parse_duration\" /testbed/src", "grep -rn \"def parse_duration\" /testbed/src")]
    [InlineData("cd /testbed && grep -q 'units' src/tally/parse.py", "grep -q 'units' src/tally/parse.py")]
    [InlineData("diff /tmp/before.txt /tmp/after.txt", "diff /tmp/before.txt /tmp/after.txt")]
    [InlineData("[ -f /testbed/setup.py ]", "[ -f /testbed/setup.py ]")]
    [InlineData("test -d /testbed/docs", "test -d /testbed/docs")]
    [InlineData("git diff --exit-code", "git diff --exit-code")]
    public void Decide_SearchThatFindsNothing_KeptBySearchNoMatch(string command, string segment)
    {
        var decision = Last(new TurnScript().Bash(command, "", 1));
        AssertDecision(decision, false, "search-no-match", $"{segment} (exempts nonzero-exit: exit code 1)");
    }

    // ---- look-alikes that are not what they seem ----

    [Fact]
    public void Decide_GrepOfAMissingFile_MaskedAsNoSuchFile()
    {
        var decision = Last(new TurnScript().Bash("grep -n units /testbed/src/tally/units.py", "grep: /testbed/src/tally/units.py: No such file or directory", 2));
        AssertDecision(decision, true, "no-such-file", "grep: /testbed/src/tally/units.py: No such file or directory");
    }

    [Fact]
    public void Decide_CdIntoAMissingFolderBeforeGrep_MaskedAsNoSuchFile()
    {
        var decision = Last(new TurnScript().Bash("cd /testbed/lib && grep -rn parse .", "bash: cd: /testbed/lib: No such file or directory", 1));
        AssertDecision(decision, true, "no-such-file", "bash: cd: /testbed/lib: No such file or directory");
    }

    [Theory]
    [InlineData("grep -rn parse_duration /testbed/src | wc -l", "3")]
    [InlineData("cat /testbed/docs/troubleshooting.rst", "If you see\n\nTraceback (most recent call last):\n  File \"app.py\", line 1\nImportError: tally\n\nreinstall.")]
    [InlineData("grep -rn \"No such file or directory\" /testbed/src", "/testbed/src/tally/io.py:12:        raise OSError(\"No such file or directory\")")]
    [InlineData("cd /testbed && python -m pytest -q tests/test_parse.py", "12 passed in 0.20s")]
    [InlineData("pip show pytest | head -2", "Name: pytest\nVersion: 7.2.1")]
    [InlineData("grep -rn \"not found\" /testbed/docs", "/testbed/docs/faq.rst:3:bash: tally: command not found")]
    public void Decide_SuccessfulCommandsThatPrintErrorWords_Clean(string command, string output)
    {
        AssertDecision(Last(new TurnScript().Bash(command, output)), false, TurnDecision.Clean, null);
    }

    [Fact]
    public void Decide_InterruptingARunningCommand_Clean()
    {
        var decision = Last(new TurnScript().BashStillRunning("python -m http.server", "", timeoutSeconds: null).Key("C-c", "^C\nKeyboard interrupt received, exiting.", 130));
        AssertDecision(decision, false, TurnDecision.Clean, null);
    }

    [Theory]
    [InlineData("pip show nosuchpackage", "WARNING: Package(s) not found: nosuchpackage")]
    [InlineData("cat pytest.ini", "cat: pytest.ini: No such file or directory")]
    public void Decide_CommandsThatOnlyMentionTestTools_NotExempt(string command, string output)
    {
        Assert.True(Last(new TurnScript().Bash(command, output, 1)).Masked);
    }

    [Fact]
    public void Decide_ThinkFinishAndNoCallReplies_Clean()
    {
        var decisions = Masker.Decide(new TurnScript().Think("The parser ignores units.").NoCall("I think the fix is done.").Finish("Fixed parse_duration.").Build());
        Assert.All(decisions, d => AssertDecision(d, false, TurnDecision.Clean, null));
        Assert.Equal([1, 2, 3], decisions.Select(d => d.Turn));
    }

    // ---- imported observations (no exit-code line) ----

    [Fact]
    public void Decide_ImportedCommandNotFound_Masked()
    {
        AssertDecision(Last(new TurnScript().Raw("foo --version", "bash: foo: command not found")), true, "command-not-found", "bash: foo: command not found");
        AssertDecision(Last(new TurnScript().Raw("foo --version", "/bin/sh: 1: foo: not found\n")), true, "command-not-found", "/bin/sh: 1: foo: not found");
    }

    [Fact]
    public void Decide_ImportedRawTraceback_Masked()
    {
        var decision = Last(new TurnScript().Raw("python -c 'import yaml'",
            "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nModuleNotFoundError: No module named 'yaml'\n"));
        AssertDecision(decision, true, "python-traceback", "ModuleNotFoundError: No module named 'yaml'");
    }

    [Fact]
    public void Decide_ImportedTracebackShownByCat_Clean()
    {
        var decision = Last(new TurnScript().Raw("cd /testbed && cat logs/error.log", ValueErrorTraceback));
        AssertDecision(decision, false, TurnDecision.Clean, null);
    }

    [Fact]
    public void Decide_ImportedFailingCommandWithoutExitCode_Clean()
    {
        AssertDecision(Last(new TurnScript().Raw("git apply fix.patch", "error: patch failed: a.py:3")), false, TurnDecision.Clean, null);
    }

    [Fact]
    public void Decide_MiniSweAgentReturnCode_ReadAsExitCode()
    {
        var decision = Last(new TurnScript().Raw("git apply fix.patch", "<returncode>1</returncode>\n<output>\nerror: patch failed: a.py:3\n</output>"));
        AssertDecision(decision, true, "nonzero-exit", "exit code 1");
    }

    [Fact]
    public void Decide_ImportedTimeoutNote_Masked()
    {
        var decision = Last(new TurnScript().Raw("python -m pytest", "The last command <command>python -m pytest</command> timed out and has been killed."));
        AssertDecision(decision, true, "timeout", "The last command <command>python -m pytest</command> timed out and has been killed.");
    }

    [Fact]
    public void Decide_SameTrajectoryTwice_SameDecisionsFromSeveralThreads()
    {
        var trajectory = new TurnScript().Bash("cd /testbed && python -m pytest", "1 failed", 1).Bash("ls /nope", "ls: cannot access '/nope': No such file or directory", 2).Build();
        var expected = Masker.Decide(trajectory);
        var results = new IReadOnlyList<TurnDecision>[64];
        Parallel.For(0, results.Length, i => results[i] = Masker.Decide(trajectory));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
