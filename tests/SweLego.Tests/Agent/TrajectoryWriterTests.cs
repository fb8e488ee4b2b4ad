using System.Text.Json;
using System.Text.Json.Nodes;
using SweLego.Agent.Trajectories;
using SweLego.Models;
using SweLego.Runs;

namespace SweLego.Tests.Agent;

public sealed class TrajectoryWriterTests
{
    private static Trajectory Start() => new()
    {
        InstanceId = "o__r-1", RolloutId = "0", Repo = "o/r", Model = "m", Protocol = "text", Tools = ["execute_bash", "think"], BaseCommit = "abc",
        Settings = new TrajectorySettings(100, 0.7, null, null, 1, 32768), Status = RolloutStatus.Running, StartedAt = DateTimeOffset.UnixEpoch,
        Messages = [new TrajectoryMessage("system", "sys <tag> & \"q\""), new TrajectoryMessage("user", "ünïcode ✓ 😀")], Steps = [],
    };

    private static TrajectoryStep Step(int index, string observation) => new()
    {
        Index = index, RequestMessages = 2 * index,
        Reply = new StepReply($"reply {index}", [new ModelToolCall("c1", "think", "{\"thought\": 1}")], "stop", new ModelUsage(10, 2), 0.25, 1),
        Call = new StepCall("think", new JsonObject { ["thought"] = "x" }), Observation = observation, Repairs = [new StepRepair("k", "d")],
    };

    private static byte[] Reference(Trajectory t) => [.. JsonSerializer.SerializeToUtf8Bytes(t, RunJson.Options), (byte)'\n'];

    [Fact]
    public void Serialize_GrowingTrajectory_SameBytesAsTheSerializerEveryTime()
    {
        var writer = new TrajectoryWriter();
        var t = Start();
        Assert.Equal(Reference(t), writer.Serialize(t));
        for (int i = 1; i <= 5; i++)
        {
            t = t with { Messages = [.. t.Messages, new TrajectoryMessage("assistant", $"a{i}"), new TrajectoryMessage("user", $"o{i}\n")], Steps = [.. t.Steps, Step(i, $"o{i}\n")] };
            Assert.Equal(Reference(t), writer.Serialize(t));
        }

        var final = t with { Status = RolloutStatus.Finished, Patch = "diff --git a/x b/x\n", EndedAt = DateTimeOffset.UnixEpoch.AddSeconds(5) };
        Assert.Equal(Reference(final), writer.Serialize(final));
        Assert.Equal(Reference(final), Reference(JsonSerializer.Deserialize<Trajectory>(writer.Serialize(final), RunJson.Options)!));
    }

    [Fact]
    public void Serialize_AnElementReplaced_IsSerializedAnew()
    {
        var writer = new TrajectoryWriter();
        var t = Start() with { Steps = [Step(1, "first")] };
        writer.Serialize(t);
        var replaced = t with { Steps = [Step(1, "second")], Messages = [t.Messages[0]] };
        Assert.Equal(Reference(replaced), writer.Serialize(replaced));
    }
}
