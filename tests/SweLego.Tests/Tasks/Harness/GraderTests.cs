using SweLego.Tasks.Harness;

namespace SweLego.Tests.Tasks.Harness;

public sealed class GraderTests
{
    private static readonly Dictionary<string, TestStatus> Statuses = new()
    {
        ["f1"] = TestStatus.Passed,
        ["f2"] = TestStatus.XFail,
        ["f3"] = TestStatus.Failed,
        ["f4"] = TestStatus.Error,
        ["f5"] = TestStatus.Skipped,
        ["p1"] = TestStatus.Passed,
        ["p2"] = TestStatus.Failed,
    };

    [Fact]
    public void Grade_MixedStatuses_SortsIntoSuccessAndFailureLikeTheHarness()
    {
        var report = Grader.Grade(["f1", "f2", "f3", "f4", "f5", "absent"], ["p1", "p2"], Statuses, HarnessVersion.V4_0_4, failToFail: ["f3"], passToFail: ["p1"]);

        Assert.Equal(["f1", "f2"], report.FailToPass.Success);
        Assert.Equal(["f3", "f4", "absent"], report.FailToPass.Failure);
        Assert.Equal(["p1"], report.PassToPass.Success);
        Assert.Equal(["p2"], report.PassToPass.Failure);
        Assert.Equal([], report.FailToFail.Success);
        Assert.Equal(["f3"], report.FailToFail.Failure);
        Assert.Equal(["p1"], report.PassToFail.Success);
        Assert.Equal(ResolutionStatus.No, report.Resolution);
        Assert.False(report.Resolved);
    }

    [Fact]
    public void Grade_AllPass_IsFull()
    {
        var report = Grader.Grade(["f1", "f2"], ["p1"], Statuses);

        Assert.Equal(ResolutionStatus.Full, report.Resolution);
        Assert.True(report.Resolved);
        Assert.Same(TestGroupResult.Empty, report.FailToFail);
    }

    [Fact]
    public void Grade_SomeFailToPassAllPassToPass_IsPartial()
    {
        Assert.Equal(ResolutionStatus.Partial, Grader.Grade(["f1", "f3"], ["p1"], Statuses).Resolution);
    }

    [Fact]
    public void Grade_NoFailToPassPasses_IsNo()
    {
        Assert.Equal(ResolutionStatus.No, Grader.Grade(["f3", "absent"], ["p1"], Statuses).Resolution);
    }

    [Fact]
    public void Grade_PassToPassBroken_IsNoEvenIfAllFailToPassPass()
    {
        Assert.Equal(ResolutionStatus.No, Grader.Grade(["f1"], ["p1", "p2"], Statuses).Resolution);
    }

    [Fact]
    public void Grade_OnlySkippedFailToPass_IsFullAsInTheHarness()
    {
        var report = Grader.Grade(["f5"], ["p1"], Statuses, HarnessVersion.V4_0_4);

        Assert.Equal(0, report.FailToPass.Total);
        Assert.Equal(ResolutionStatus.Full, report.Resolution);
    }
}
