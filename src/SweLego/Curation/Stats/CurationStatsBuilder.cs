using System.Text.Json;
using SweLego.Runs;

using SweLego.Runs.Stages;

namespace SweLego.Curation.Stats;

/// <summary>
/// Computes <see cref="CurationStats"/> from a curation folder (<c>RUN/curation</c>): <c>kept.jsonl</c> and
/// <c>dropped.jsonl</c> are streamed once each (kept records through <see cref="KeptSummary"/>, which skips
/// their messages), <c>report.json</c> supplies tokens per rule and the curriculum bins.
/// </summary>
/// <remarks>
/// Evaluated trajectories, the population of the resolve rate: every kept or dropped trajectory labelled
/// resolved, semi-resolved or unresolved, except those dropped by <see cref="NotEvaluatedFilters"/> — unreadable
/// and <c>error</c> (no trajectory to count), incomplete (the episode never ended, so its patch was not a final
/// one) and decontaminated (the instance belongs to an evaluation set, not to the training population). Everything
/// else dropped after evaluation (hack audit, empty patch, context exhausted, model error, turn limit,
/// duplicate, unresolved) counts with its label: those are exactly the long and failed episodes the correlation
/// with length is about.
/// </remarks>
public static class CurationStatsBuilder
{
    public const int DefaultBucketSize = 10;

    /// <summary>Dropped trajectories that say nothing about resolving (<see cref="StageOutcomes.Error"/>: curation could not process it).</summary>
    public static IReadOnlyList<string> NotEvaluatedFilters { get; } =
        [CurationFilters.Unreadable, StageOutcomes.Error, CurationFilters.Incomplete, CurationFilters.Decontaminated];

    /// <summary>True when <paramref name="curationDirectory"/> holds curation's output (its <c>kept.jsonl</c>).</summary>
    public static bool HasInput(string curationDirectory) => File.Exists(Path.Combine(curationDirectory, CurationStage.KeptFile));

    public static CurationStats Build(string curationDirectory, int bucketSize = DefaultBucketSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketSize, 1);
        string keptPath = Path.Combine(curationDirectory, CurationStage.KeptFile);
        string droppedPath = Path.Combine(curationDirectory, CurationStage.DroppedFile);
        var notes = new List<string>();
        var report = ReadReport(Path.Combine(curationDirectory, CurationStage.ReportFile), notes);
        var bins = report is null ? CurriculumBins.Default : ParseBins(report, curationDirectory);

        var rates = new TurnRateAccumulator(bucketSize);
        var masking = new MaskingAccumulator();
        var curriculum = new CurriculumTally(bins);
        var labels = new Dictionary<CurationLabel, (int Kept, int Dropped)>();
        var sources = new Dictionary<string, (int Kept, int Dropped)>(StringComparer.Ordinal);
        var totals = TokenCounts.Zero;
        List<long> totalTokens = [], trainedTokens = [];

        foreach (var record in JsonlReader.Read<KeptSummary>(keptPath))
        {
            rates.Add(record.Turns, record.Label);
            masking.Add(record.Decisions);
            if (!curriculum.Add(record.Bin, record.Tokens))
                throw new RunDataException(
                    $"{keptPath}: record {record.InstanceId}#{record.RolloutId} is in curriculum bin '{record.Bin}', which is not one of {bins} (report.json's settings, or the default).",
                    keptPath);
            totals = totals.Add(record.Tokens);
            totalTokens.Add(record.Tokens.Total);
            trainedTokens.Add(record.Tokens.Trained);
            Count(labels, record.Label, kept: true);
            Count(sources, record.LabelSource, kept: true);
        }

        var filters = new Dictionary<string, int>(StringComparer.Ordinal);
        if (File.Exists(droppedPath))
        {
            foreach (var dropped in JsonlReader.Read<CandidateDecision>(droppedPath))
            {
                filters[dropped.Filter] = filters.GetValueOrDefault(dropped.Filter) + 1;
                Count(labels, dropped.Label, kept: false);
                Count(sources, dropped.LabelSource, kept: false);
                if (!NotEvaluatedFilters.Contains(dropped.Filter, StringComparer.Ordinal)) rates.Add(dropped.Turns, dropped.Label);
            }
        }
        else
        {
            notes.Add($"{CurationStage.DroppedFile} is missing: only kept trajectories are counted, so resolve rates leave out every dropped failure.");
        }

        int kept = labels.Values.Sum(c => c.Kept);
        return new CurationStats
        {
            Inputs = new StatsInputs(kept, filters.Values.Sum(), report is not null, FilterCounts(filters)),
            ResolveRate = rates.ToStats(NotEvaluatedFilters, notes),
            Masking = masking.ToStats(report, notes),
            Tokens = new TokenStats(totals, TokenDistributions.Describe(totalTokens), TokenDistributions.Describe(trainedTokens)),
            Curriculum = curriculum.Stages(),
            Labels = [.. Enum.GetValues<CurationLabel>().Select(label => new LabelCount(label, labels.GetValueOrDefault(label).Kept, labels.GetValueOrDefault(label).Dropped))],
            LabelSources = [.. sources.OrderByDescending(s => s.Value.Kept).ThenByDescending(s => s.Value.Dropped).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new LabelSourceCount(s.Key, s.Value.Kept, s.Value.Dropped))],
            Notes = notes,
        };
    }

    private static void Count<TKey>(Dictionary<TKey, (int Kept, int Dropped)> counts, TKey key, bool kept)
        where TKey : notnull
    {
        var (k, d) = counts.GetValueOrDefault(key);
        counts[key] = kept ? (k + 1, d) : (k, d + 1);
    }

    /// <summary>Filters in the order curation applies them, then any other id (such as <c>error</c>) by name; only those that dropped something.</summary>
    private static List<FilterCount> FilterCounts(Dictionary<string, int> filters)
    {
        var known = CurationFilters.All.Where(f => filters.ContainsKey(f.Id)).Select(f => new FilterCount(f.Id, f.Meaning, filters[f.Id]));
        var other = filters.Keys.Where(id => CurationFilters.All.All(f => f.Id != id)).Order(StringComparer.Ordinal)
            .Select(id => new FilterCount(id, id == StageOutcomes.Error ? "curation could not read it" : "", filters[id]));
        return [.. known, .. other];
    }

    private static CurationReport? ReadReport(string path, List<string> notes)
    {
        if (!File.Exists(path))
        {
            notes.Add($"{CurationStage.ReportFile} is missing: tokens per rule are absent and the curriculum uses the default bins ({CurriculumBins.Default}).");
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CurationReport>(File.ReadAllBytes(path), RunJson.Options)
                ?? throw new RunDataException($"{path}: the file is JSON null, not a curation report.", path);
        }
        catch (JsonException e)
        {
            throw new RunDataException($"{path}: not a curation report: {e.Message}", path, innerException: e);
        }
    }

    private static CurriculumBins ParseBins(CurationReport report, string curationDirectory)
    {
        try
        {
            return CurriculumBins.Parse(report.Settings.Bins);
        }
        catch (ArgumentException e)
        {
            string path = Path.Combine(curationDirectory, CurationStage.ReportFile);
            throw new RunDataException($"{path}: settings.bins '{report.Settings.Bins}': {e.Message}", path, innerException: e);
        }
    }
}
