using SweLego.Tasks.Harness;

namespace SweLego.Tests.Tasks.Harness;

public sealed class TestStatusNamesTests
{
    [Fact]
    public void ToWord_EachStatus_RoundTripsThroughTryParse()
    {
        foreach (var status in Enum.GetValues<TestStatus>().Where(s => s != TestStatus.Other))
        {
            Assert.True(TestStatusNames.TryParse(status.ToWord(), out var parsed));
            Assert.Equal(status, parsed);
        }
        Assert.Equal(["FAILED", "PASSED", "SKIPPED", "ERROR", "XFAIL"], TestStatusNames.All.Select(p => p.Word));
    }

    [Fact]
    public void TryParse_LowerCaseOrXPass_IsRejected()
    {
        Assert.False(TestStatusNames.TryParse("passed", out _));
        Assert.False(TestStatusNames.TryParse("XPASS", out _));
    }
}
