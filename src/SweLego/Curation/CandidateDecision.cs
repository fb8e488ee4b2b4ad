using SweLego.Runs;

namespace SweLego.Curation;

/// <summary>
/// A trajectory that curation left out: a line of <c>RUN/curation/dropped.jsonl</c>, naming the filter that dropped
/// it (<see cref="CurationFilters"/> ids) and why. Kept ones are in <c>kept.jsonl</c> (<see cref="SftRecord"/>);
/// both carry what the statistics need (turns, label, status).
/// </summary>
public sealed record CandidateDecision : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public required string InstanceId { get; init; }

    public required string RolloutId { get; init; }

    public required string Repo { get; init; }

    public required string Source { get; init; }

    public required CurationLabel Label { get; init; }

    public required string LabelSource { get; init; }

    public required string Status { get; init; }

    public required int Turns { get; init; }

    /// <summary>The filter that dropped it (a <see cref="CurationFilters"/> id), or <c>error</c> when it could not be read.</summary>
    public required string Filter { get; init; }

    /// <summary>One line: the evidence (the audit rule, the duplicate's key, the evaluation set that contains the repository).</summary>
    public required string Reason { get; init; }

    public string? Trajectory { get; init; }

    /// <summary>Set when <see cref="Filter"/> is <c>decontaminated</c>: what matched and in which set.</summary>
    public DecontaminationEntry? Decontamination { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => Evaluation.EvaluationKeys.Key(InstanceId, RolloutId);
}
