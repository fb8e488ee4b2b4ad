namespace SweLego.Models;

/// <summary>
/// One chat message: <see cref="Role"/> is <c>system</c>, <c>user</c>, <c>assistant</c> or
/// <c>tool</c>. Native function calling adds <see cref="ToolCalls"/> to assistant messages and
/// <see cref="ToolCallId"/> to tool results.
/// </summary>
public sealed record ModelMessage(string Role, string Content)
{
    public IReadOnlyList<ModelToolCall>? ToolCalls { get; init; }

    public string? ToolCallId { get; init; }

    public static ModelMessage System(string content) => new("system", content);

    public static ModelMessage User(string content) => new("user", content);

    public static ModelMessage Assistant(string content) => new("assistant", content);

    public static ModelMessage Tool(string toolCallId, string content) => new("tool", content) { ToolCallId = toolCallId };
}
