using System.Text.Json.Nodes;

namespace SweLego.Agent.Tools;

/// <summary>
/// A tool of one episode (tools keep per-episode state: the editor's undo history, the shell's
/// running command). <see cref="RunAsync"/> receives arguments already checked against
/// <see cref="Definition"/>: known names, required ones present, enum values allowed, integers
/// as JSON numbers, arrays as JSON arrays, everything else as strings.
/// </summary>
public interface IAgentTool
{
    ToolDefinition Definition { get; }

    /// <summary>
    /// Runs one call. Outcomes the agent should read (editor errors, a command's failure) are
    /// observations; a call that cannot be processed throws <see cref="ToolCallException"/>,
    /// which the loop turns into an error observation. Only cancellation throws anything else.
    /// </summary>
    Task<ToolObservation> RunAsync(JsonObject arguments, CancellationToken cancellationToken);
}

/// <summary>What the agent sees after a call; <see cref="Finished"/> ends the episode (the <c>finish</c> tool).</summary>
public sealed record ToolObservation(string Text)
{
    public bool Finished { get; init; }
}

/// <summary>A call that cannot be processed; the loop shows <c>Message + "\n[Error occurred in processing last action]"</c>.</summary>
public sealed class ToolCallException(string message) : Exception(message);
