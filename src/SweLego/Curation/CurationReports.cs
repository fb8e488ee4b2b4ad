using System.Text.Json;
using SweLego.Runs;
using SweLego.Runs.Stages;

namespace SweLego.Curation;

/// <summary>Builds <see cref="CurationReport"/> from the stage's files, streamed (kept records read without their messages).</summary>
public static class CurationReports
{
    /// <summary>Turn-count histogram bucket width.</summary>
    public const int HistogramBucket = 10;

    public static CurationReport Build(RunFolder run, CurationSettings settings, int candidates)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(settings);
        var bins = CurriculumBins.Parse(settings.Bins);
        var history = CurationWork.Records().Read(run);
        var kept = history.Results.Where(r => r.Summary is not null).Select(r => r.Summary!).ToList();
        var dropped = history.Results.Where(r => r.Dropped is not null).Select(r => r.Dropped!).ToList();

        var filters = CurationFilters.All
            .Select(f => new FilterCount(f.Id, f.Meaning, dropped.Count(d => d.Filter == f.Id)))
            .Append(new FilterCount(StageOutcomes.Error, "could not be curated (tried again on the next run)", dropped.Count(d => d.Filter == StageOutcomes.Error)))
            .ToList();
        var rules = kept.SelectMany(k => k.Decisions)
            .GroupBy(d => (d.Rule, d.Masked))
            .Select(g => new RuleCount(g.Key.Rule, g.Key.Masked, g.Count(), g.Sum(d => (long)(d.Tokens ?? 0))))
            .OrderByDescending(r => r.Masks).ThenByDescending(r => r.Turns).ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToList();

        return new CurationReport
        {
            Settings = settings,
            Candidates = candidates,
            Kept = kept.Count,
            Filters = filters,
            Labels = Count(kept, k => JsonNamingPolicy.SnakeCaseLower.ConvertName(k.Label.ToString())),
            LabelSources = Count(kept, k => k.LabelSource),
            Sources = Count(kept, k => k.Source),
            Tokens = kept.Aggregate(TokenCounts.Zero, (sum, k) => sum.Add(k.Tokens)),
            TruncatedRecords = kept.Count(k => k.Tokens.Truncated > 0),
            AssistantTurns = kept.Sum(k => k.Decisions.Count),
            MaskedTurns = kept.Sum(k => k.Decisions.Count(d => d.Masked)),
            Rules = rules,
            TurnHistogram = Histogram(kept.Select(k => k.Turns)),
            Curriculum = CurriculumOf(bins, kept),
            Decontaminated = [.. dropped.Select(d => d.Decontamination).OfType<DecontaminationEntry>()
                .OrderBy(d => d.InstanceId, StringComparer.Ordinal).ThenBy(d => d.RolloutId, StringComparer.Ordinal)],
        };
    }

    /// <summary>Buckets 1–10, 11–20, … up to the largest count (empty buckets included).</summary>
    public static IReadOnlyList<HistogramBucket> Histogram(IEnumerable<int> turns)
    {
        var counts = turns.GroupBy(t => Math.Max(0, (t - 1) / HistogramBucket)).ToDictionary(g => g.Key, g => g.Count());
        if (counts.Count == 0) return [];
        return [.. Enumerable.Range(0, counts.Keys.Max() + 1)
            .Select(b => new HistogramBucket(b * HistogramBucket + 1, (b + 1) * HistogramBucket, counts.GetValueOrDefault(b)))];
    }

    private static IReadOnlyList<CurriculumStage> CurriculumOf(CurriculumBins bins, List<KeptSummary> kept)
    {
        var tally = new CurriculumTally(bins);
        foreach (var record in kept) tally.Add(record.Bin, record.Tokens);
        return tally.Stages();
    }

    private static SortedDictionary<string, int> Count(List<KeptSummary> kept, Func<KeptSummary, string> key) =>
        new(kept.GroupBy(key).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
