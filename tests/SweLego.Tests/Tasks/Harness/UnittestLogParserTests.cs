using SweLego.Tasks.Harness;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Harness;

public sealed class UnittestLogParserTests
{
    private const string Suite = """"
        import unittest

        class Calc(unittest.TestCase):
            def test_ok(self):
                pass

            def test_fail(self):
                self.assertEqual(1, 2)

            def test_error(self):
                raise ValueError("bad")

            @unittest.skip("why not")
            def test_skip(self):
                pass

            @unittest.expectedFailure
            def test_expected(self):
                self.fail("known")

            @unittest.expectedFailure
            def test_unexpected(self):
                pass

            def test_noisy(self):
                print("chatter from the test")

            def test_documented(self):
                """The docstring replaces the id on the status line."""
        """";

    [Fact]
    public async Task Parse_RealUnittestVerbose_GivesIdsAndStatuses()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("test_calc.py"), Suite);
        var (log, exit) = await PythonTestRun.RunAsync(temp.Path, "-m unittest -v test_calc");
        // The noisy test prints between " ... " and "ok", so its status is on the next line.
        Assert.Contains("test_noisy (test_calc.Calc.test_noisy) ... chatter from the test\nok", log, StringComparison.Ordinal);

        var statuses = new UnittestLogParser().Parse(TestLog.Extract(log).Output!);

        Assert.Equal(1, exit);
        Assert.Equal(new Dictionary<string, TestStatus>
        {
            ["test_documented (test_calc.Calc.test_documented)"] = TestStatus.Passed,
            ["test_error (test_calc.Calc.test_error)"] = TestStatus.Error,
            ["test_expected (test_calc.Calc.test_expected)"] = TestStatus.XFail,
            ["test_fail (test_calc.Calc.test_fail)"] = TestStatus.Failed,
            ["test_noisy (test_calc.Calc.test_noisy)"] = TestStatus.Passed,
            ["test_ok (test_calc.Calc.test_ok)"] = TestStatus.Passed,
            ["test_skip (test_calc.Calc.test_skip)"] = TestStatus.Skipped,
            ["test_unexpected (test_calc.Calc.test_unexpected)"] = TestStatus.Failed,
        }, statuses);
    }

    [Fact]
    public async Task Classify_RealUnittestAllPassing_IsCompleted()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("test_one.py"), "import unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n        pass\n");
        var (log, exit) = await PythonTestRun.RunAsync(temp.Path, "-m unittest -v test_one");

        var outcome = TestRunOutcome.Classify(log, exit, timedOut: false, new UnittestLogParser());

        Assert.Equal(TestRunKind.Completed, outcome.Kind);
        Assert.Equal(new Dictionary<string, TestStatus> { ["test_a (test_one.T.test_a)"] = TestStatus.Passed }, outcome.Statuses);
    }

    [Fact]
    public void Parse_StatusOnLaterLine_AttributesItToPendingTest()
    {
        const string log = """
            test_a (pkg.tests.T.test_a) ... line one
            line two
            FAIL
            test_b (pkg.tests.T.test_b) ... output
            skipped 'later'
            test_c (pkg.tests.T.test_c) ... ERROR
            """;

        var statuses = new UnittestLogParser().Parse(log);

        Assert.Equal(new Dictionary<string, TestStatus>
        {
            ["test_a (pkg.tests.T.test_a)"] = TestStatus.Failed,
            ["test_b (pkg.tests.T.test_b)"] = TestStatus.Skipped,
            ["test_c (pkg.tests.T.test_c)"] = TestStatus.Error,
        }, statuses);
    }

    [Fact]
    public void Parse_BareStatusAfterFinishedTest_DoesNotChangeIt()
    {
        const string log = """
            test_a (pkg.tests.T.test_a) ... ok
            FAIL
            skipped 'printed by something else'
            test_b (pkg.tests.T.test_b) ... FAIL
            ok
            """;

        Assert.Equal(new Dictionary<string, TestStatus>
        {
            ["test_a (pkg.tests.T.test_a)"] = TestStatus.Passed,
            ["test_b (pkg.tests.T.test_b)"] = TestStatus.Failed,
        }, new UnittestLogParser().Parse(log));
        // The harness's rule for `django`: a later "ok" always lands on the last test.
        Assert.Equal(new Dictionary<string, TestStatus>
        {
            ["test_a (pkg.tests.T.test_a)"] = TestStatus.Passed,
            ["test_b (pkg.tests.T.test_b)"] = TestStatus.Passed,
        }, new DjangoLogParser().Parse(log));
    }
}
