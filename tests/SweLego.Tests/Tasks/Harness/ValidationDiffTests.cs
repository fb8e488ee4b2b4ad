using SweLego.Tasks.Harness;

namespace SweLego.Tests.Tasks.Harness;

public sealed class ValidationDiffTests
{
    [Fact]
    public void Compute_BeforeAndAfter_ClassifiesEachTest()
    {
        var before = new Dictionary<string, TestStatus>
        {
            ["failed"] = TestStatus.Failed,
            ["errored"] = TestStatus.Error,
            ["stable"] = TestStatus.Passed,
            ["xfail"] = TestStatus.XFail,
            ["broken"] = TestStatus.Passed,
            ["skipped_before"] = TestStatus.Skipped,
            ["still_failing"] = TestStatus.Failed,
        };
        var after = new Dictionary<string, TestStatus>
        {
            ["failed"] = TestStatus.Passed,
            ["errored"] = TestStatus.XFail,
            ["new_test"] = TestStatus.Passed,
            ["stable"] = TestStatus.Passed,
            ["xfail"] = TestStatus.Passed,
            ["broken"] = TestStatus.Error,
            ["skipped_before"] = TestStatus.Passed,
            ["still_failing"] = TestStatus.Failed,
        };

        var result = ValidationDiff.Compute(before, after);

        Assert.Equal(["errored", "failed", "new_test"], result.FailToPass);
        Assert.Equal(["stable", "xfail"], result.PassToPass);
        Assert.Equal(["broken"], result.PassToFail);
        Assert.Empty(result.ExcludedFlaky);
    }

    [Fact]
    public void Compute_FlakyTests_AreExcludedFromBothLists()
    {
        var before = new Dictionary<string, TestStatus> { ["a"] = TestStatus.Failed, ["b"] = TestStatus.Passed, ["c"] = TestStatus.Passed };
        var after = new Dictionary<string, TestStatus> { ["a"] = TestStatus.Passed, ["b"] = TestStatus.Passed, ["c"] = TestStatus.Passed };

        var result = ValidationDiff.Compute(before, after, new HashSet<string>(StringComparer.Ordinal) { "a", "b" });

        Assert.Empty(result.FailToPass);
        Assert.Equal(["c"], result.PassToPass);
        Assert.Equal(["a", "b"], result.ExcludedFlaky);
    }
}
