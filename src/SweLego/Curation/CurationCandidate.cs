namespace SweLego.Curation;

/// <summary>
/// One trajectory curation considers, with what other stages know about it: our rollouts (with <c>swelego eval</c>'s
/// verdict) and imported ones (with the importing tool's label). <see cref="Resolved"/> null = no label.
/// </summary>
public sealed record CurationCandidate
{
    public required string InstanceId { get; init; }

    public required string RolloutId { get; init; }

    /// <summary><c>rollout</c>, or <c>import:&lt;format&gt;</c>.</summary>
    public required string Origin { get; init; }

    public required string Model { get; init; }

    /// <summary>The trajectory file, relative to the run folder.</summary>
    public required string Trajectory { get; init; }

    public string Patch { get; init; } = "";

    public bool? Resolved { get; init; }

    public string? LabelSource { get; init; }

    /// <summary><c>real</c>/<c>synthetic</c>/a dataset name when the evaluation or the instance says; else null.</summary>
    public string? Source { get; init; }

    public string Key => Evaluation.EvaluationKeys.Key(InstanceId, RolloutId);
}
