using SweLego.Runs;

namespace SweLego.Curation;

/// <summary>
/// One kept trajectory as training data: a line of <c>RUN/curation/kept.jsonl</c>. <see cref="Messages"/> is the
/// conversation in the text protocol (system first, strictly alternating user/assistant, ending with an assistant
/// turn, <see cref="SftMessage.TurnMask"/> on every assistant message); <see cref="Decisions"/> says for each
/// assistant turn why it is masked or not; <see cref="Tokens"/> is what the trainer will see of it.
/// </summary>
public sealed record SftRecord : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public required string InstanceId { get; init; }

    public required string RolloutId { get; init; }

    public required string Repo { get; init; }

    /// <summary><c>real</c>, <c>synthetic</c>, or where an imported trajectory came from (<c>import:openhands</c>, …).</summary>
    public required string Source { get; init; }

    public required string Model { get; init; }

    public required CurationLabel Label { get; init; }

    /// <summary>How <see cref="Label"/> was obtained (<c>swelego eval</c>, <c>swe-bench report.json</c>, …).</summary>
    public required string LabelSource { get; init; }

    /// <summary>The episode's end as the rollout recorded it (snake_case), or <c>imported</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Assistant messages (a turn is one assistant message).</summary>
    public required int Turns { get; init; }

    /// <summary>The curriculum bin (<see cref="CurriculumBins"/>: <c>easy</c>, <c>medium</c>, <c>hard</c>).</summary>
    public required string Bin { get; init; }

    public required TokenCounts Tokens { get; init; }

    public required IReadOnlyList<TurnDecision> Decisions { get; init; }

    public required IReadOnlyList<SftMessage> Messages { get; init; }

    /// <summary>SHA-256 of the conversation (roles and contents): equal hashes are duplicates.</summary>
    public required string ContentSha256 { get; init; }

    /// <summary>The trajectory this was made from, relative to the run folder.</summary>
    public string? Trajectory { get; init; }

    /// <summary>The stage key: <c>instance#rollout</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => Evaluation.EvaluationKeys.Key(InstanceId, RolloutId);
}
