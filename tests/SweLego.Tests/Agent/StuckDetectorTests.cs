using SweLego.Agent;

namespace SweLego.Tests.Agent;

public sealed class StuckDetectorTests
{
    [Fact]
    public void Check_SameCallAndObservationFourTimes_Stuck_ThreeTimesNot()
    {
        var stuck = new StuckDetector();
        for (int i = 0; i < 3; i++) stuck.Called("execute_bash:ls", "a.py", error: false);
        Assert.Null(stuck.Check());
        stuck.Called("execute_bash:ls", "a.py", error: false);
        Assert.Equal("the same call and observation 4 times in a row", stuck.Check());
    }

    [Fact]
    public void Check_SameCallFourTimesWithChangingOutput_NotStuck()
    {
        var stuck = new StuckDetector();
        for (int i = 0; i < 4; i++) stuck.Called("execute_bash:date", $"{i}", error: false);
        Assert.Null(stuck.Check());
    }

    [Fact]
    public void Check_SameCallThreeErrors_Stuck_ButNotWhenOneSucceeded()
    {
        var stuck = new StuckDetector();
        stuck.Called("x", "ERROR 1", error: true);
        stuck.Called("x", "ERROR 2", error: true);
        Assert.Null(stuck.Check());
        stuck.Called("x", "ERROR 3", error: true);
        Assert.Equal("the same call 3 times in a row, each ending in an error", stuck.Check());

        var mixed = new StuckDetector();
        mixed.Called("x", "ERROR", error: true);
        mixed.Called("x", "fine", error: false);
        mixed.Called("x", "ERROR", error: true);
        Assert.Null(mixed.Check());
    }

    [Fact]
    public void Check_SameReplyWithoutCallThreeTimes_Stuck_ButACallBetweenResets()
    {
        var stuck = new StuckDetector();
        stuck.Replied("I am done.");
        stuck.Replied("I am done.");
        stuck.Called("think:{}", "Your thought has been logged.", error: false);
        stuck.Replied("I am done.");
        Assert.Null(stuck.Check());
        stuck.Replied("I am done.");
        stuck.Replied("I am done.");
        Assert.Equal("the same reply without a call 3 times in a row", stuck.Check());
    }

    [Fact]
    public void Check_AlternatingPairsOverSixSteps_Stuck_FiveNot()
    {
        var stuck = new StuckDetector();
        for (int i = 0; i < 5; i++) stuck.Called(i % 2 == 0 ? "A" : "B", i % 2 == 0 ? "oa" : "ob", error: false);
        Assert.Null(stuck.Check());
        stuck.Called("B", "ob", error: false);
        Assert.Equal("two calls alternating with the same observations over 6 steps", stuck.Check());
    }
}
