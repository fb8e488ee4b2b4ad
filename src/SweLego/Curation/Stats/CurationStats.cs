using SweLego.Runs;

namespace SweLego.Curation.Stats;

/// <summary>
/// <c>RUN/curation/stats/stats.json</c>: what a curated run says about its data, computed from <c>kept.jsonl</c>,
/// <c>dropped.jsonl</c> and <c>report.json</c> by <see cref="CurationStatsBuilder"/>. Every number is finite: a
/// value that is undefined (a rate of nothing, the correlation of a constant) is absent and <see cref="Notes"/>
/// says why, so the file never holds NaN.
/// </summary>
public sealed record CurationStats : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    /// <summary>Records read: kept, dropped, and the dropped ones per filter.</summary>
    public required StatsInputs Inputs { get; init; }

    public required ResolveRateStats ResolveRate { get; init; }

    public required MaskingStats Masking { get; init; }

    public required TokenStats Tokens { get; init; }

    /// <summary>Per curriculum bin, in order: its records and tokens, and the cumulative stage that ends with it.</summary>
    public required IReadOnlyList<CurriculumStage> Curriculum { get; init; }

    /// <summary>Kept and dropped trajectories per label, in <see cref="CurationLabel"/> order.</summary>
    public required IReadOnlyList<LabelCount> Labels { get; init; }

    /// <summary>Kept and dropped trajectories per way their label was obtained, most kept first.</summary>
    public required IReadOnlyList<LabelSourceCount> LabelSources { get; init; }

    /// <summary>Why a value is absent or the input incomplete (one sentence each).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>What was read. <see cref="Report"/> is false when <c>report.json</c> is missing (no tokens per rule then).</summary>
public sealed record StatsInputs(int Kept, int Dropped, bool Report, IReadOnlyList<FilterCount> DroppedByFilter);

/// <summary>
/// Resolve rate by assistant-turn count over the evaluated trajectories (<see cref="CurationStatsBuilder.NotEvaluatedFilters"/>
/// says which dropped ones are not): rate = resolved / (resolved + semi_resolved + unresolved).
/// <see cref="PearsonUnweighted"/> (one point per non-empty bucket: its midpoint and rate) is the number comparable to
/// the paper's r = −0.95; <see cref="PearsonWeighted"/> weighs each bucket by its trajectories; <see cref="PointBiserial"/>
/// is the correlation of turns and resolved (0/1) over the trajectories themselves.
/// </summary>
public sealed record ResolveRateStats
{
    public required int BucketSize { get; init; }

    /// <summary>The filters whose dropped trajectories are not counted (never evaluated, or left out of every count).</summary>
    public required IReadOnlyList<string> NotEvaluatedFilters { get; init; }

    public required int Evaluated { get; init; }

    public required int Resolved { get; init; }

    public double? Rate { get; init; }

    /// <summary>From the first non-empty bucket to the last; empty ones between have no rate.</summary>
    public required IReadOnlyList<TurnBucketRate> Buckets { get; init; }

    public double? PearsonUnweighted { get; init; }

    public double? PearsonWeighted { get; init; }

    public double? PointBiserial { get; init; }
}

/// <summary>Trajectories with <see cref="From"/> ≤ turns ≤ <see cref="To"/> (0 turns count in the first bucket).</summary>
public sealed record TurnBucketRate(int From, int To, double Midpoint, int Trajectories, int Resolved, int SemiResolved, int Unresolved, double? Rate);

/// <summary>
/// Masking over the kept records' assistant turns. Turns per rule come from the records' decisions; tokens per rule
/// from <c>report.json</c> (absent without it). Shares are of all assistant turns / tokens.
/// </summary>
public sealed record MaskingStats(
    int AssistantTurns, int MaskedTurns, double? MaskedTurnShare,
    long? AssistantTokens, long? MaskedTokens, double? MaskedTokenShare,
    IReadOnlyList<RuleShare> Rules);

/// <summary>One rule: a mask rule (<see cref="Masks"/>), an exemption, or <c>clean</c>.</summary>
public sealed record RuleShare(string Rule, bool Masks, int Turns, double? TurnShare, long? Tokens, double? TokenShare);

/// <summary>Token sums over the kept records and the distributions of total and trained tokens per record.</summary>
public sealed record TokenStats(TokenCounts Totals, TokenDistribution Total, TokenDistribution Trained);

/// <summary>
/// Tokens per record: summary values (absent when there are no records) and a histogram with power-of-two upper
/// bounds (≤ 1,024, 1,025–2,048, …), so a record cut at the default cutoff of 131,072 lands in the last full bucket.
/// </summary>
public sealed record TokenDistribution(long? Min, double? Median, double? Mean, long? Max, IReadOnlyList<TokenBucket> Histogram);

/// <summary>Records with <see cref="From"/> ≤ tokens ≤ <see cref="To"/>.</summary>
public sealed record TokenBucket(long From, long To, int Records);


public sealed record LabelCount(CurationLabel Label, int Kept, int Dropped);

public sealed record LabelSourceCount(string LabelSource, int Kept, int Dropped);
