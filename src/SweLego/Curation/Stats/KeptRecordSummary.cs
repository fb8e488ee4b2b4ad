namespace SweLego.Curation.Stats;

/// <summary>
/// The part of a <see cref="SftRecord"/> line the statistics read. It has no <c>messages</c> property, so the
/// serializer skips the conversation (most of each line) instead of building strings for it: the statistics of
/// 18,000 long trajectories stream in the memory of one line.
/// </summary>
internal sealed record KeptRecordSummary
{
    public required string InstanceId { get; init; }

    public required string RolloutId { get; init; }

    public required CurationLabel Label { get; init; }

    public required string LabelSource { get; init; }

    public required int Turns { get; init; }

    public required string Bin { get; init; }

    public required TokenCounts Tokens { get; init; }

    public required IReadOnlyList<TurnDecision> Decisions { get; init; }
}
