using SweLego.Agent.Protocol;
using SweLego.Agent.Tools;
using SweLego.Models;

namespace SweLego.Tests.Agent.Protocol;

/// <summary>The tools as a rollout shows them to the model, and model replies for the protocol tests.</summary>
internal static class ProtocolTools
{
    /// <summary>The real definitions in <see cref="AgentTools.Create"/>'s order (spec §2): execute_bash, think, finish, str_replace_editor.</summary>
    public static readonly IReadOnlyList<ToolDefinition> All = [ExecuteBashTool.Schema, ThinkTool.Schema, FinishTool.Schema, StrReplaceEditorTool.Schema];

    public static ModelReply Reply(string text, string finishReason = "stop") =>
        new() { Success = true, Text = text, FinishReason = finishReason };

    public static ModelReply NativeReply(string text, params ModelToolCall[] calls) =>
        new() { Success = true, Text = text, FinishReason = "tool_calls", ToolCalls = calls };

    public static string Json(AgentCall? call) => call?.Arguments.ToJsonString() ?? "(no call)";
}
