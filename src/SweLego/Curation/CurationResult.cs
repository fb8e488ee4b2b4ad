using SweLego.Runs;
using SweLego.Runs.Stages;

namespace SweLego.Curation;

/// <summary>
/// What curating one candidate gave: a kept record (<see cref="Kept"/> when just made; <see cref="Summary"/> when read
/// back on resume, without its messages) or a dropped one.
/// </summary>
public sealed record CurationResult(string Key, SftRecord? Kept, KeptSummary? Summary, CandidateDecision? Dropped)
{
    public string Outcome => Dropped is { } d ? d.Filter == StageOutcomes.Error ? StageOutcomes.Error : StageOutcomes.Rejected(d.Filter) : StageOutcomes.Kept;

    public string? ContentSha256 => Kept?.ContentSha256 ?? Summary?.ContentSha256;

    public static CurationResult Of(SftRecord kept) => new(kept.Key, kept, null, null);

    public static CurationResult Of(CandidateDecision dropped) => new(dropped.Key, null, null, dropped);
}

/// <summary>A line of <c>kept.jsonl</c> read without its messages (resume, reports, statistics): what counts need.</summary>
public sealed record KeptSummary : IVersionedRecord
{
    public int V { get; init; } = SftRecord.FormatVersion;

    public required string InstanceId { get; init; }

    public required string RolloutId { get; init; }

    public required string Repo { get; init; }

    public required string Source { get; init; }

    public required CurationLabel Label { get; init; }

    public required string LabelSource { get; init; }

    public required string Status { get; init; }

    public required int Turns { get; init; }

    public required string Bin { get; init; }

    public required TokenCounts Tokens { get; init; }

    public required IReadOnlyList<TurnDecision> Decisions { get; init; }

    public required string ContentSha256 { get; init; }

    public string? Trajectory { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => Evaluation.EvaluationKeys.Key(InstanceId, RolloutId);
}
