using System.Text.Json.Nodes;
using SweLego.Agent.Tools;

namespace SweLego.Tests.Agent.Tools;

public sealed class FinishToolTests
{
    [Fact]
    public async Task RunAsync_Message_EndsEpisodeWithTheMessage()
    {
        var observation = await new FinishTool().RunAsync(new JsonObject { ["message"] = "Fixed the off-by-one in tally.count.\n" }, CancellationToken.None);

        Assert.True(observation.Finished);
        Assert.Equal("Fixed the off-by-one in tally.count.\n", observation.Text);
    }
}
