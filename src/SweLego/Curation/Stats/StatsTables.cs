using System.Globalization;

namespace SweLego.Curation.Stats;

/// <summary>
/// <see cref="CurationStats"/> as <see cref="StatsTable"/>s, with the number formats of every rendering: counts with
/// thousands separators, rates as percentages with one decimal, correlations with three, "–" for an absent value.
/// </summary>
public static class StatsTables
{
    public const string ResolveRateTitle = "Resolve rate by turns";
    public const string MaskingTitle = "Masked share by rule";
    public const string TokensTitle = "Tokens per record";
    public const string TokenHistogramTitle = "Token histogram";
    public const string CurriculumTitle = "Curriculum";
    public const string LabelsTitle = "Labels";
    public const string LabelSourcesTitle = "Label sources";
    public const string FiltersTitle = "Dropped by filter";

    public static IReadOnlyList<StatsTable> Build(CurationStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return [ResolveRate(stats.ResolveRate), Masking(stats.Masking), Tokens(stats.Tokens), TokenHistogram(stats.Tokens), Curriculum(stats.Curriculum),
            Labels(stats.Labels), LabelSources(stats.LabelSources), Filters(stats.Inputs)];
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    public static string R(double? r) => r is { } value ? value.ToString("0.000", CultureInfo.InvariantCulture) : "undefined";

    /// <summary>Token bounds in thousands of 1,024 tokens: 1K, 2K, 128K.</summary>
    public static string Kilo(long tokens) => (tokens / 1024).ToString(CultureInfo.InvariantCulture) + "K";

    /// <summary>A token bucket's label: ≤1K, 1K–2K, …</summary>
    public static string TokenRange(TokenBucket bucket) => bucket.From == 0 ? $"≤{Kilo(bucket.To)}" : $"{Kilo(bucket.To / 2)}–{Kilo(bucket.To)}";

    private static StatsTable ResolveRate(ResolveRateStats rates) => new(
        ResolveRateTitle,
        [new("turns", Numeric: false), new("trajectories"), new("resolved"), new("semi-resolved"), new("unresolved"), new("resolve rate")],
        [.. rates.Buckets.Select(b => (IReadOnlyList<string>)[$"{b.From}–{b.To}", Count(b.Trajectories), Count(b.Resolved), Count(b.SemiResolved), Count(b.Unresolved), Percent(b.Rate)])],
        [
            $"Evaluated trajectories: {Count(rates.Evaluated)}, resolved {Count(rates.Resolved)} ({Percent(rates.Rate)}); rate = resolved / (resolved + semi-resolved + unresolved), kept or dropped, " +
            $"except dropped as {string.Join(", ", rates.NotEvaluatedFilters)}.",
            $"Pearson r of bucket midpoint and rate: {R(rates.PearsonUnweighted)} (one point per bucket, comparable to the paper's -0.95); " +
            $"weighted by trajectories: {R(rates.PearsonWeighted)}; point-biserial r of turns and resolved per trajectory: {R(rates.PointBiserial)}.",
        ]);

    private static StatsTable Masking(MaskingStats masking) => new(
        MaskingTitle,
        [new("rule", Numeric: false), new("masks", Numeric: false), new("turns"), new("share of turns"), new("tokens"), new("share of tokens")],
        [.. masking.Rules.Select(r => (IReadOnlyList<string>)[r.Rule, r.Masks ? "yes" : "no", Count(r.Turns), Percent(r.TurnShare), r.Tokens is { } t ? Count(t) : "–", Percent(r.TokenShare)])],
        [
            $"Masked: {Count(masking.MaskedTurns)} of {Count(masking.AssistantTurns)} assistant turns ({Percent(masking.MaskedTurnShare)}), " +
            (masking.AssistantTokens is { } all ? $"{Count(masking.MaskedTokens ?? 0)} of {Count(all)} assistant tokens ({Percent(masking.MaskedTokenShare)})." : "tokens unknown (no report.json)."),
        ]);

    private static StatsTable Tokens(TokenStats tokens)
    {
        static string Value(long? value) => value is { } v ? Count(v) : "–";
        static string Decimal(double? value) => value is { } v ? v.ToString("N1", CultureInfo.InvariantCulture) : "–";
        var (total, trained) = (tokens.Total, tokens.Trained);
        var sums = tokens.Totals;
        return new(
            TokensTitle,
            [new("per record", Numeric: false), new("total"), new("trained")],
            [
                ["min", Value(total.Min), Value(trained.Min)],
                ["median", Decimal(total.Median), Decimal(trained.Median)],
                ["mean", Decimal(total.Mean), Decimal(trained.Mean)],
                ["max", Value(total.Max), Value(trained.Max)],
            ],
            [
                $"Sums over kept records: total {Count(sums.Total)}, trained {Count(sums.Trained)}, masked {Count(sums.Masked)}, " +
                $"prompt {Count(sums.Total - sums.Trained - sums.Masked)}, cut by cutoff_len {Count(sums.Truncated)}.",
            ]);
    }

    private static StatsTable TokenHistogram(TokenStats tokens) => new(
        TokenHistogramTitle,
        [new("tokens per record", Numeric: false), new("records (total tokens)"), new("records (trained tokens)")],
        [.. TokenBuckets(tokens).Select(b => (IReadOnlyList<string>)[TokenRange(b.Bucket), Count(b.Total), Count(b.Trained)])],
        ["Buckets double: ≤1K = 0–1,024 tokens, 1K–2K = 1,025–2,048, …; a record cut at cutoff_len 131,072 is in 64K–128K."]);

    /// <summary>The union of both histograms' buckets, in order, with each one's records (the charts use it too).</summary>
    public static IReadOnlyList<(TokenBucket Bucket, int Total, int Trained)> TokenBuckets(TokenStats tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var all = tokens.Total.Histogram.Concat(tokens.Trained.Histogram).ToList();
        if (all.Count == 0) return [];
        var total = tokens.Total.Histogram.ToDictionary(b => b.To, b => b.Records);
        var trained = tokens.Trained.Histogram.ToDictionary(b => b.To, b => b.Records);
        var rows = new List<(TokenBucket, int, int)>();
        for (long to = all.Min(b => b.To); to <= all.Max(b => b.To); to *= 2)
        {
            var bucket = new TokenBucket(to == TokenDistributions.FirstBound ? 0 : (to / 2) + 1, to, 0);
            rows.Add((bucket, total.GetValueOrDefault(to), trained.GetValueOrDefault(to)));
        }

        return rows;
    }

    private static StatsTable Curriculum(IReadOnlyList<CurriculumStage> splits) => new(
        CurriculumTitle,
        [new("stage"), new("bin", Numeric: false), new("turns", Numeric: false), new("bin records"), new("bin tokens"), new("stage records"), new("stage tokens"), new("stage trained tokens")],
        [.. splits.Select(s => (IReadOnlyList<string>)[s.Stage.ToString(CultureInfo.InvariantCulture), s.Bin, $"{s.MinTurns}–{s.MaxTurns}", Count(s.BinRecords), Count(s.BinTokens.Total),
            Count(s.Records), Count(s.Tokens.Total), Count(s.Tokens.Trained)])],
        ["Stage k trains on bins 1..k (cumulative); tokens are totals after the cut at cutoff_len."]);

    private static StatsTable Labels(IReadOnlyList<LabelCount> labels) => new(
        LabelsTitle,
        [new("label", Numeric: false), new("kept"), new("dropped")],
        [.. labels.Select(l => (IReadOnlyList<string>)[System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(l.Label.ToString()), Count(l.Kept), Count(l.Dropped)])],
        []);

    private static StatsTable LabelSources(IReadOnlyList<LabelSourceCount> sources) => new(
        LabelSourcesTitle,
        [new("label source", Numeric: false), new("kept"), new("dropped")],
        [.. sources.Select(s => (IReadOnlyList<string>)[s.LabelSource, Count(s.Kept), Count(s.Dropped)])],
        []);

    private static StatsTable Filters(StatsInputs inputs) => new(
        FiltersTitle,
        [new("filter", Numeric: false), new("dropped"), new("meaning", Numeric: false)],
        [.. inputs.DroppedByFilter.Select(f => (IReadOnlyList<string>)[f.Id, Count(f.Dropped), f.Meaning])],
        [$"Kept {Count(inputs.Kept)}, dropped {Count(inputs.Dropped)}."]);
}
