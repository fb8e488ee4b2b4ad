using SweLego.Tasks.Harness;

namespace SweLego.Tests.Tasks.Harness;

public sealed class ParserFixtureTests
{
    [Fact]
    public void Parse_DjangoRunnerLog_StrictGivesHarnessNamesIncludingInterruptedLines()
    {
        var statuses = new DjangoStrictLogParser().Parse(PythonTestRun.Fixture("django_strict_runtests.log"));

        Assert.Equal(new Dictionary<string, TestStatus>
        {
            ["test_add_view (admin_views.tests.AdminViewBasicTest)"] = TestStatus.Passed,
            ["test_change_view (admin_views.tests.AdminViewBasicTest)"] = TestStatus.Failed,
            ["test_delete_view (admin_views.tests.AdminViewBasicTest)"] = TestStatus.Error,
            ["test_history_view (admin_views.tests.AdminViewBasicTest)"] = TestStatus.Skipped,
            ["test_noisy_view (admin_views.tests.AdminViewBasicTest)"] = TestStatus.Passed,
            ["test_printing (admin_views.tests.AdminViewBasicTest)"] = TestStatus.Failed,
            ["--version is equivalent to version"] = TestStatus.Passed,
            ["test_unicode_title (admin_views.tests.AdminViewUnicodeTest)"] = TestStatus.Passed,
            // The harness would also mark this passed because the line starts with "ok".
            ["ok_button_view (admin_views.tests.AdminViewUnicodeTest)"] = TestStatus.Failed,
            // The harness keys FAIL:/ERROR: summary lines by their first word only.
            ["test_delete_view"] = TestStatus.Error,
            ["test_change_view"] = TestStatus.Failed,
        }, statuses);
    }

    [Fact]
    public void Parse_SympyBinTestLog_GivesLineStatusesAndFailureHeaders()
    {
        var statuses = new SympyLogParser().Parse(PythonTestRun.Fixture("sympy_bin_test.log"));

        Assert.Equal(new Dictionary<string, TestStatus>
        {
            ["test__aresame"] = TestStatus.Passed,
            ["test_structure"] = TestStatus.Passed,
            ["test_equality"] = TestStatus.Failed,
            ["test_latex_basic"] = TestStatus.Passed,
            ["sympy/core/tests/test_basic.py:test_atoms"] = TestStatus.Failed,
            ["sympy/core/tests/test_basic.py:test_equality"] = TestStatus.Failed,
        }, statuses);
    }
}
