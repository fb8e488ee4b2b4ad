using SweLego.Tasks;

namespace SweLego.Evaluation;

/// <summary>
/// Where a prediction runs: one of our environments (a task instance we made, with its repository
/// mirror), an image that holds the repository at /testbed (another dataset's, e.g. SWE-bench's),
/// or nothing, with <see cref="Problem"/> naming what was looked for.
/// </summary>
public sealed record EvaluationEnvironment(TaskEnvironment? Ours, string? Image, string? Problem)
{
    public static EvaluationEnvironment Missing(string problem) => new(null, null, problem);

    public string Describe() => Ours is { } ours ? $"environment {ours.Id} on {ours.Backend}" : Image is { } image ? $"image {image}" : "none";
}
