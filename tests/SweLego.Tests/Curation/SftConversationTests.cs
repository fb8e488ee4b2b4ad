using System.Text.Json.Nodes;
using SweLego.Agent.Protocol;
using SweLego.Agent.Tools;
using SweLego.Agent.Trajectories;
using SweLego.Curation;
using SweLego.Models;

namespace SweLego.Tests.Curation;

public sealed class SftConversationTests
{
    private static TrajectoryStep Step(int index, StepCall? call, string observation, string? reasoning = null) => new()
    {
        Index = index,
        RequestMessages = 0,
        Reply = new StepReply("", [], "stop", null, 0, 1),
        Reasoning = reasoning,
        Call = call,
        Observation = observation,
    };

    private static Trajectory Trajectory(string protocol, IReadOnlyList<TrajectoryMessage> messages, IReadOnlyList<TrajectoryStep> steps) => new()
    {
        InstanceId = "o__r-1",
        RolloutId = "0",
        Repo = "o/r",
        Model = "m",
        Protocol = protocol,
        Tools = ["execute_bash", "think", "finish", "str_replace_editor"],
        BaseCommit = "abc",
        Settings = new TrajectorySettings(100, 0, null, null, null, null),
        Status = RolloutStatus.Finished,
        StartedAt = DateTimeOffset.UnixEpoch,
        Messages = messages,
        Steps = steps,
    };

    private static TurnDecision[] Decisions(params bool[] masked) => [.. masked.Select((m, i) => new TurnDecision(i + 1, m, m ? "nonzero-exit" : TurnDecision.Clean))];

    [Fact]
    public void Build_TextTrajectory_KeepsMessagesSetsMasksAndDropsTheTrailingObservation()
    {
        var t = Trajectory("text",
        [
            new("system", "SYS"), new("user", "TASK"),
            new("assistant", "<function=execute_bash>\n<parameter=command>ls</parameter>\n</function>"),
            new("user", "EXECUTION RESULT of [execute_bash]:\na.py\n[The command completed with exit code 0.]"),
            new("assistant", "<function=finish>\n</function>"),
            new("user", "EXECUTION RESULT of [finish]:\ndone"),
        ],
        [Step(1, new StepCall("execute_bash", new JsonObject { ["command"] = "ls" }), "a.py"), Step(2, new StepCall("finish", []), "done")]);

        var messages = SftConversation.Build(t, Decisions(true, false));

        Assert.Equal(["system", "user", "assistant", "user", "assistant"], messages.Select(m => m.Role));
        Assert.Equal([null, null, true, null, false], messages.Select(m => m.TurnMask));
        Assert.Equal(t.Messages[2].Content, messages[2].Content);
        Assert.Equal(2, SftConversation.AssistantTurns(messages));
    }

    [Fact]
    public void Build_ConsecutiveUserMessages_AreMergedNeverSkipped()
    {
        var t = Trajectory("text",
            [new("system", "SYS"), new("user", "TASK"), new("user", "HINT"), new("assistant", "no call"), new("user", "continue"), new("user", "again"), new("assistant", "x")],
            [Step(1, null, "continue"), Step(2, null, "again")]);

        var messages = SftConversation.Build(t, Decisions(false, false));

        Assert.Equal("TASK\n\nHINT", messages[1].Content);
        Assert.Equal("continue\n\nagain", messages[3].Content);
        Assert.Equal(5, messages.Count);
    }

    [Fact]
    public void Build_NativeTrajectory_IsRenderedInTheTextProtocol()
    {
        var arguments = new JsonObject { ["command"] = "view", ["path"] = "/testbed/a.py" };
        var t = Trajectory("native",
        [
            new("system", "SYS"), new("user", "TASK"),
            new("assistant", "Let me look.") { ToolCalls = [new ModelToolCall("call_1", "str_replace_editor", arguments.ToJsonString())] },
            new("tool", "file contents") { ToolCallId = "call_1" },
            new("assistant", "") { ToolCalls = [new ModelToolCall("call_2", "finish", "{}")] },
        ],
        [Step(1, new StepCall("str_replace_editor", arguments), "file contents", "Let me look."), Step(2, new StepCall("finish", []), "", "")]);

        var messages = SftConversation.Build(t, Decisions(false, false));

        Assert.Equal("SYS" + ProtocolPrompts.TextProtocolSuffix(AgentTools.Schemas), messages[0].Content);
        Assert.Equal("Let me look.\n\n<function=str_replace_editor>\n<parameter=command>view</parameter>\n<parameter=path>/testbed/a.py</parameter>\n</function>", messages[2].Content);
        Assert.Equal("EXECUTION RESULT of [str_replace_editor]:\nfile contents", messages[3].Content);
        Assert.Equal("<function=finish>\n</function>", messages[4].Content);
    }

    [Fact]
    public void Build_MoreAssistantMessagesThanSteps_IsRefusedWithTheCounts()
    {
        var t = Trajectory("text", [new("system", "S"), new("user", "T"), new("assistant", "a"), new("user", "o"), new("assistant", "b")], [Step(1, null, "o")]);

        var e = Assert.Throws<CurationException>(() => SftConversation.Build(t, Decisions(false)));

        Assert.Contains("more assistant messages than steps (1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AssistantFirst_IsRefused()
    {
        var t = Trajectory("text", [new("system", "S"), new("assistant", "a")], [Step(1, null, "")]);

        var e = Assert.Throws<CurationException>(() => SftConversation.Build(t, Decisions(false)));

        Assert.Contains("message 2 is an assistant turn that does not follow a user message", e.Message, StringComparison.Ordinal);
    }
}
