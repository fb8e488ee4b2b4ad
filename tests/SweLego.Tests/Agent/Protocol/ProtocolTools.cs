using SweLego.Agent.Protocol;
using SweLego.Agent.Tools;
using SweLego.Models;

namespace SweLego.Tests.Agent.Protocol;

/// <summary>
/// The four tools with spec §2's schemas (names, types, required, enums, array items, order) and
/// short descriptions of our own; the protocol renders whatever descriptions the real tools carry.
/// </summary>
internal static class ProtocolTools
{
    public static readonly ToolDefinition Bash = new("execute_bash", "Run a bash command in a persistent shell.",
    [
        new ToolParameter("command", "string", "The command to run.", Required: true),
        new ToolParameter("is_input", "string", "Whether the command is input to the running process.", Required: false) { AllowedValues = ["true", "false"] },
        new ToolParameter("timeout", "number", "Hard timeout in seconds.", Required: false),
    ]);

    public static readonly ToolDefinition Think = new("think", "Log a thought.",
    [
        new ToolParameter("thought", "string", "The thought.", Required: true),
    ]);

    public static readonly ToolDefinition Finish = new("finish", "End the task.\n\nUse it when done.",
    [
        new ToolParameter("message", "string", "Final message.", Required: true),
    ]);

    public static readonly ToolDefinition Editor = new("str_replace_editor", "View, create and edit files.",
    [
        new ToolParameter("command", "string", "The command.", Required: true) { AllowedValues = ["view", "create", "str_replace", "insert", "undo_edit"] },
        new ToolParameter("path", "string", "Absolute path.", Required: true),
        new ToolParameter("file_text", "string", "Content of the new file.", Required: false),
        new ToolParameter("old_str", "string", "Text to replace.", Required: false),
        new ToolParameter("new_str", "string", "Replacement text.", Required: false),
        new ToolParameter("insert_line", "integer", "Line after which to insert.", Required: false),
        new ToolParameter("view_range", "array", "Lines to show.", Required: false) { ItemsType = "integer" },
    ]);

    /// <summary>Spec §2's order: execute_bash, think, finish, str_replace_editor.</summary>
    public static readonly IReadOnlyList<ToolDefinition> All = [Bash, Think, Finish, Editor];

    public static ModelReply Reply(string text, string finishReason = "stop") =>
        new() { Success = true, Text = text, FinishReason = finishReason };

    public static ModelReply NativeReply(string text, params ModelToolCall[] calls) =>
        new() { Success = true, Text = text, FinishReason = "tool_calls", ToolCalls = calls };

    public static string Json(AgentCall? call) => call?.Arguments.ToJsonString() ?? "(no call)";
}
