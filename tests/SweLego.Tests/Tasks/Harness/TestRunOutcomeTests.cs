using SweLego.Tasks.Harness;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Harness;

public sealed class TestRunOutcomeTests
{
    private static string Marked(string output) => $"+ git apply test.patch\n{TestLog.StartMarker}\n{output}{TestLog.EndMarker}\n";

    [Fact]
    public async Task Classify_RealPytestCollectionError_IsInfrastructure()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("test_ok.py"), "def test_a():\n    pass\n");
        File.WriteAllText(temp.Combine("test_broken.py"), "import module_that_does_not_exist\n\ndef test_b():\n    pass\n");
        var (log, exit) = await PythonTestRun.RunAsync(temp.Path, "-m pytest -p no:cacheprovider -rA test_ok.py test_broken.py");

        var outcome = TestRunOutcome.Classify(log, exit, timedOut: false, new PytestLogParser());

        Assert.Equal(2, exit);
        Assert.Equal(TestRunKind.Infrastructure, outcome.Kind);
        Assert.Equal(TestRunProblem.CollectionError, outcome.Problem);
        Assert.Contains("collection error", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, TestStatus> { ["test_broken.py"] = TestStatus.Error }, outcome.Statuses);
    }

    [Fact]
    public async Task Classify_RealPytestNoTestsCollected_IsInfrastructure()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("test_empty.py"), "X = 1\n");
        var (log, exit) = await PythonTestRun.RunAsync(temp.Path, "-m pytest -p no:cacheprovider -rA test_empty.py");

        var outcome = TestRunOutcome.Classify(log, exit, timedOut: false, new PytestLogParser());

        Assert.Equal(5, exit);
        Assert.Equal(TestRunKind.Infrastructure, outcome.Kind);
        Assert.Equal(TestRunProblem.NoTestsCollected, outcome.Problem);
        Assert.Equal("pytest collected no tests (exit code 5)", outcome.Reason);
    }

    [Fact]
    public async Task Classify_RealPytestUsageError_IsInfrastructure()
    {
        using var temp = new TempDirectory();
        var (log, exit) = await PythonTestRun.RunAsync(temp.Path, "-m pytest --no-such-option");

        var outcome = TestRunOutcome.Classify(log, exit, timedOut: false, new PytestLogParser());

        Assert.Equal(4, exit);
        Assert.Equal(TestRunKind.Infrastructure, outcome.Kind);
        Assert.Equal(TestRunProblem.PytestUsageError, outcome.Problem);
    }

    [Fact]
    public async Task Classify_RealPytestFakePassedLines_IsInconsistent()
    {
        using var temp = new TempDirectory();
        // Code under test that prints a harness-looking line (uncaptured with -s), then fails; the
        // summary that would report the failure is switched off.
        File.WriteAllText(temp.Combine("test_fake.py"),
            "import sys\n\ndef test_fake():\n    sys.__stdout__.write('PASSED test_fake.py::test_fake\\n')\n    sys.__stdout__.flush()\n    sys.exit(1)\n");
        var (log, exit) = await PythonTestRun.RunAsync(temp.Path, "-m pytest -p no:cacheprovider -q -s --no-summary test_fake.py");

        var outcome = TestRunOutcome.Classify(log, exit, timedOut: false, new PytestLogParser());

        Assert.NotEqual(0, exit);
        Assert.Equal(new Dictionary<string, TestStatus> { ["test_fake.py::test_fake"] = TestStatus.Passed }, outcome.Statuses);
        Assert.Equal(TestRunKind.Inconsistent, outcome.Kind);
        Assert.Equal(TestRunProblem.NonZeroExitWithoutFailures, outcome.Problem);
    }

    [Fact]
    public void Classify_ExitZeroWithFailedLine_IsInconsistent()
    {
        var outcome = TestRunOutcome.Classify(Marked("FAILED t.py::test_a - boom\n"), 0, timedOut: false, new PytestLogParser());

        Assert.Equal(TestRunKind.Inconsistent, outcome.Kind);
        Assert.Equal(TestRunProblem.ExitZeroWithFailures, outcome.Problem);
    }

    [Fact]
    public void Classify_ExitOneWithFailure_IsCompleted()
    {
        var outcome = TestRunOutcome.Classify(Marked("PASSED t.py::test_a\nFAILED t.py::test_b - boom\n"), 1, timedOut: false, new PytestLogParser());

        Assert.Equal(TestRunKind.Completed, outcome.Kind);
        Assert.True(outcome.IsGradable);
        Assert.Null(outcome.Problem);
        Assert.Null(outcome.Reason);
    }

    [Fact]
    public void Classify_MissingEndMarker_IsInfrastructureNotFailure()
    {
        var log = $"{TestLog.StartMarker}\nPASSED t.py::test_a\n";

        var outcome = TestRunOutcome.Classify(log, 137, timedOut: false, new PytestLogParser());

        Assert.Equal(TestRunKind.Infrastructure, outcome.Kind);
        Assert.Empty(outcome.Statuses);
        Assert.Equal(TestRunProblem.MissingEndMarker, outcome.Problem);
        Assert.Contains("end marker", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_TimedOut_IsInfrastructure()
    {
        var outcome = TestRunOutcome.Classify(Marked("PASSED t.py::test_a\n"), null, timedOut: true, new PytestLogParser());

        Assert.Equal(TestRunKind.Infrastructure, outcome.Kind);
        Assert.Equal("the test command timed out", outcome.Reason);
    }

    [Fact]
    public void Classify_PytestInterruptedWithNothingParsed_IsInfrastructure()
    {
        var outcome = TestRunOutcome.Classify(Marked("!!! KeyboardInterrupt !!!\n"), 2, timedOut: false, new PytestLogParser());

        Assert.Equal(TestRunKind.Infrastructure, outcome.Kind);
        Assert.Contains("interrupted", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_UnittestNoResults_IsInfrastructure()
    {
        var outcome = TestRunOutcome.Classify(Marked("ImportError: Failed to import test module: tests\n"), 1, timedOut: false, new UnittestLogParser());

        Assert.Equal(TestRunKind.Infrastructure, outcome.Kind);
        Assert.Equal("no test results in the output (exit code 1)", outcome.Reason);
    }

    [Fact]
    public void Classify_NoStartMarker_IsInfrastructure()
    {
        var outcome = TestRunOutcome.Classify("error: patch failed: src/a.py:12\n", 1, timedOut: false, new PytestLogParser());

        Assert.Equal(TestRunKind.Infrastructure, outcome.Kind);
        Assert.Equal(TestRunProblem.MissingStartMarker, outcome.Problem);
    }
}
