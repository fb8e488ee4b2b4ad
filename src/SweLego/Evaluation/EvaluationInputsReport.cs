namespace SweLego.Evaluation;

/// <summary>
/// <c>evaluation/inputs.json</c>: what was read, and every input item that was not graded and why
/// (each as <c>file:line: reason</c> or <c>file#row: reason</c>), so nothing is dropped silently.
/// </summary>
public sealed record EvaluationInputsReport
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required IReadOnlyList<string> InstancesFiles { get; init; }

    public required string PredictionsFile { get; init; }

    public required int Instances { get; init; }

    public required int Predictions { get; init; }

    public required IReadOnlyList<string> InstanceProblems { get; init; }

    public required IReadOnlyList<string> PredictionProblems { get; init; }

    public required int MalformedPredictions { get; init; }

    public required int DuplicatePredictions { get; init; }

    /// <summary>Instance ids predictions name that no instance has (each once).</summary>
    public required IReadOnlyList<string> UnknownInstanceIds { get; init; }

    /// <summary>Predictions naming those ids.</summary>
    public required int UnknownPredictions { get; init; }
}
