using SweLego.Tasks.Harness;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Harness;

public sealed class PytestLogParserTests
{
    private const string Suite = """
        import pytest

        def test_pass():
            pass

        def test_fail():
            assert 1 == 2, "boom - with a dash"

        @pytest.fixture
        def broken():
            raise RuntimeError("fixture broke")

        def test_error(broken):
            pass

        @pytest.mark.skip(reason="not today")
        def test_skip():
            pass

        @pytest.mark.xfail(reason="known bug")
        def test_xfail():
            assert False

        @pytest.mark.parametrize("value", ["a b", "x[1]", 3])
        def test_param(value):
            assert value != 3

        class TestGroup:
            def test_method(self):
                pass
        """;

    private static async Task<(string Log, int ExitCode)> RunSuiteAsync(TempDirectory temp, string options)
    {
        File.WriteAllText(temp.Combine("test_suite.py"), Suite);
        return await PythonTestRun.RunAsync(temp.Path, $"-m pytest -p no:cacheprovider {options} test_suite.py");
    }

    [Fact]
    public async Task Parse_RealPytestRA_GivesHarnessNamesAndStatuses()
    {
        using var temp = new TempDirectory();
        var (log, exit) = await RunSuiteAsync(temp, "-rA");

        var statuses = new PytestLogParser(HarnessVersion.V4_0_4).Parse(TestLog.Extract(log).Output!);

        Assert.Equal(1, exit);
        // As in the harness: the name is the first word, so "test_param[a b]" is cut at the space,
        // and `SKIPPED [1] file:line: reason` is keyed by "[1]".
        Assert.Equal(new Dictionary<string, TestStatus>
        {
            ["test_suite.py::test_pass"] = TestStatus.Passed,
            ["test_suite.py::test_param[a"] = TestStatus.Passed,
            ["test_suite.py::test_param[x[1]]"] = TestStatus.Passed,
            ["test_suite.py::TestGroup::test_method"] = TestStatus.Passed,
            ["[1]"] = TestStatus.Skipped,
            ["test_suite.py::test_xfail"] = TestStatus.XFail,
            ["test_suite.py::test_error"] = TestStatus.Error,
            ["test_suite.py::test_fail"] = TestStatus.Failed,
            ["test_suite.py::test_param[3]"] = TestStatus.Failed,
        }, statuses);
    }

    [Fact]
    public async Task Parse_RealPytestRAWithNodeIdParser_KeepsWholeParametrizedIds()
    {
        using var temp = new TempDirectory();
        var (log, _) = await RunSuiteAsync(temp, "-rA");

        var statuses = new PytestNodeIdLogParser().Parse(TestLog.Extract(log).Output!);

        Assert.Equal(new Dictionary<string, TestStatus>
        {
            ["test_suite.py::test_pass"] = TestStatus.Passed,
            ["test_suite.py::test_param[a b]"] = TestStatus.Passed,
            ["test_suite.py::test_param[x[1]]"] = TestStatus.Passed,
            ["test_suite.py::TestGroup::test_method"] = TestStatus.Passed,
            ["test_suite.py::test_xfail"] = TestStatus.XFail,
            ["test_suite.py::test_error"] = TestStatus.Error,
            ["test_suite.py::test_fail"] = TestStatus.Failed,
            ["test_suite.py::test_param[3]"] = TestStatus.Failed,
        }, statuses);
    }

    [Fact]
    public void Parse_FailedLineWithDashMessage_DropsMessage()
    {
        const string log = "FAILED tests/test_a.py::test_x - AssertionError: a - b\nERROR tests/test_a.py::test_y - fixture\nPASSED\n";

        var statuses = new PytestLogParser().Parse(log);

        Assert.Equal(new Dictionary<string, TestStatus>
        {
            ["tests/test_a.py::test_x"] = TestStatus.Failed,
            ["tests/test_a.py::test_y"] = TestStatus.Error,
        }, statuses);
    }

    [Fact]
    public async Task Parse_RealPytestAbsolutePathIdsWithOptionsParser_KeepsLastSegment()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("test_paths.py"), """
            import pytest

            @pytest.mark.parametrize("path", ["/tmp/checkout-1/data.txt", "//server/share", "relative/x.txt"])
            def test_read(path):
                assert not path.startswith("//")
            """);
        var (log, _) = await PythonTestRun.RunAsync(temp.Path, "-m pytest -p no:cacheprovider -rA test_paths.py");

        var statuses = new PytestOptionsLogParser().Parse(TestLog.Extract(log).Output!);

        Assert.Equal(new Dictionary<string, TestStatus>
        {
            ["test_paths.py::test_read[/data.txt]"] = TestStatus.Passed,
            ["test_paths.py::test_read[relative/x.txt]"] = TestStatus.Passed,
            ["test_paths.py::test_read[//server/share]"] = TestStatus.Failed,
        }, statuses);
    }

    [Theory]
    [InlineData("tests/x.py::test_a PASSED", "tests/x.py::test_a", TestStatus.Passed)]
    [InlineData("\u001b[32mPASSED\u001b[0m tests/x.py::test_b", "tests/x.py::test_b", TestStatus.Passed)]
    [InlineData("tests/x.py::test_d XFAIL\r", "tests/x.py::test_d", TestStatus.XFail)]
    public void Parse_V2SingleLine_ReadsNameAndStatus(string line, string name, TestStatus status)
    {
        var statuses = new PytestV2LogParser().Parse(line);

        Assert.Equal(new Dictionary<string, TestStatus> { [name] = status }, statuses);
    }
}
