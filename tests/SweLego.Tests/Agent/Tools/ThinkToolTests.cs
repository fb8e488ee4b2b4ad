using System.Text.Json.Nodes;
using SweLego.Agent.Tools;

namespace SweLego.Tests.Agent.Tools;

public sealed class ThinkToolTests
{
    [Fact]
    public async Task RunAsync_AnyThought_OpenHandsAcknowledgementAndEpisodeGoesOn()
    {
        var observation = await new ThinkTool().RunAsync(new JsonObject { ["thought"] = "Maybe the bug is in parse()." }, CancellationToken.None);

        Assert.Equal("Your thought has been logged.", observation.Text);
        Assert.False(observation.Finished);
    }
}
