using System.Text.Json.Nodes;

namespace SweLego.Agent.Tools;

/// <summary>
/// <c>think</c>: the model writes a thought down; nothing runs. The observation is the fixed
/// acknowledgement OpenHands returns (spec §2), so trajectories read the same.
/// </summary>
public sealed class ThinkTool : IAgentTool
{
    public const string Name = "think";

    public const string Acknowledgement = "Your thought has been logged.";

    private const string Description = """
        Record a thought. The tool gathers no new information and changes nothing in the repository; it only writes the thought to the log. Use it when a problem calls for involved reasoning or brainstorming.

        Typical uses:
        1. Having explored the repository and found where a bug comes from, list several distinct ways to fix it and judge which change is likely the simplest and most effective.
        2. Having received test results, brainstorm how to make the failing tests pass.
        3. Before a complicated refactoring, outline the possible approaches and what each one costs.
        4. When designing a new feature, work through the architecture and the implementation details.
        5. When debugging something complicated, organize your thoughts and hypotheses.

        The tool only logs your reasoning so that it is visible; it runs no code and makes no changes.
        """;

    /// <summary>The definition, also without an instance (prompt rendering, schema tests).</summary>
    public static ToolDefinition Schema { get; } = new(Name, Description,
        [new ToolParameter("thought", "string", "The thought to record.", Required: true)]);

    public ToolDefinition Definition => Schema;

    public Task<ToolObservation> RunAsync(JsonObject arguments, CancellationToken cancellationToken) =>
        Task.FromResult(new ToolObservation(Acknowledgement));
}
