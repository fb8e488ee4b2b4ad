using System.Text.Json.Nodes;

namespace SweLego.Agent.Tools;

/// <summary>
/// <c>finish</c>: ends the episode. OpenHands turns the call into its finish action and shows the
/// model nothing more; the observation here carries the final message (what OpenHands keeps as
/// the action's final thought) so the trajectory records it, and <see cref="ToolObservation.Finished"/> stops the loop.
/// </summary>
public sealed class FinishTool : IAgentTool
{
    public const string Name = "finish";

    private const string Description = """
        Signals that the current task or conversation is complete.

        Call this tool when:
        - you have finished the task you were asked to do
        - you cannot go further because of technical limits or missing information

        The message should contain:
        - a clear summary of what you did and what came of it
        - any next steps for the user
        - an explanation when you could not finish the task
        - any follow-up questions when you need more information

        """;

    /// <summary>The definition, also without an instance (prompt rendering, schema tests).</summary>
    public static ToolDefinition Schema { get; } = new(Name, Description,
        [new ToolParameter("message", "string", "The final message for the user.", Required: true)]);

    public ToolDefinition Definition => Schema;

    public Task<ToolObservation> RunAsync(JsonObject arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return Task.FromResult(new ToolObservation(arguments["message"]?.GetValue<string>() ?? "") { Finished = true });
    }
}
