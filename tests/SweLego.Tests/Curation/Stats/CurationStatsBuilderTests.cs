using System.Text.Json;
using SweLego.Curation;
using SweLego.Runs;
using SweLego.Runs.Stages;
using static SweLego.Curation.CurationLabel;
using static SweLego.Tests.Curation.Stats.CurationRun;

namespace SweLego.Tests.Curation.Stats;

/// <summary>The statistics against values computed by hand (each expected value's arithmetic is in the comments).</summary>
public sealed class CurationStatsBuilderTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Build_HandFixture_RatesAndCorrelationsAsComputedByHand()
    {
        using var run = new CurationRun().Write(
            [Kept("k1", 5, Resolved), Kept("k2", 10, Resolved), Kept("k3", 11, SemiResolved), Kept("k4", 25, Resolved, bin: "easy")],
            [
                Dropped("d1", 8, Unresolved, CurationFilters.Unresolved),
                Dropped("d2", 15, Unresolved, CurationFilters.Unresolved),
                Dropped("d3", 22, Unresolved, CurationFilters.HackAudit),
                Dropped("d4", 30, Unresolved, CurationFilters.ContextExhausted),
                // Not evaluated: each would change a rate if it counted.
                Dropped("d5", 3, Resolved, CurationFilters.Decontaminated),
                Dropped("d6", 40, Unresolved, CurationFilters.Incomplete),
                Dropped("d7", 0, Unevaluated, CurationFilters.Unreadable, labelSource: "none"),
                Dropped("d8", 12, Unevaluated, CurationFilters.Unevaluated, labelSource: "none"),
                Dropped("d9", 9, Unresolved, StageOutcomes.Error),
            ]);

        var rates = run.Stats().ResolveRate;

        // 1–10: k1 R, k2 R, d1 U → 2/3; 11–20: k3 S, d2 U → 0; 21–30: k4 R, d3 U, d4 U → 1/3.
        Assert.Equal([(1, 10, 5.5, 3, 2, 0, 1), (11, 20, 15.5, 2, 0, 1, 1), (21, 30, 25.5, 3, 1, 0, 2)],
            rates.Buckets.Select(b => (b.From, b.To, b.Midpoint, b.Trajectories, b.Resolved, b.SemiResolved, b.Unresolved)));
        Assert.Equal([2.0 / 3, 0.0, 1.0 / 3], rates.Buckets.Select(b => b.Rate!.Value));
        Assert.Equal((8, 3), (rates.Evaluated, rates.Resolved));
        Assert.Equal(3.0 / 8, rates.Rate);
        // Unweighted: dx = −10, 0, 10; dy = 1/3, −1/3, 0 → sxy = −10/3, sxx = 200, syy = 2/9 → r = (−10/3)/(20/3) = −0.5.
        Assert.Equal(-0.5, rates.PearsonUnweighted!.Value, Tolerance);
        // Weighted by 3, 2, 3: mean x 15.5, mean y 3/8 → sxy = −10, sxx = 600, syy = 13/24 → r = −10/√325.
        Assert.Equal(-10 / Math.Sqrt(325), rates.PearsonWeighted!.Value, Tolerance);
        // Per trajectory: n 8, Σx 126, Σy 3, Σxy 40, Σx² 2544 → (8·40 − 126·3)/√((8·2544 − 126²)(8·3 − 9)) = −58/√67140.
        Assert.Equal(-58 / Math.Sqrt(67140), rates.PointBiserial!.Value, Tolerance);
        Assert.Equal(["unreadable", "error", "incomplete", "decontaminated"], rates.NotEvaluatedFilters);
    }

    [Fact]
    public void Build_RateFallingLinearly_PerfectNegativeCorrelation()
    {
        using var run = new CurationRun().Write(
            [Kept("a", 5, Resolved), Kept("b", 5, Resolved), Kept("c", 15, Resolved)],
            [Dropped("d", 15, Unresolved, CurationFilters.Unresolved), Dropped("e", 25, Unresolved, CurationFilters.Unresolved), Dropped("f", 25, Unresolved, CurationFilters.TurnLimit)]);

        var rates = run.Stats().ResolveRate;

        Assert.Equal([1.0, 0.5, 0.0], rates.Buckets.Select(b => b.Rate!.Value));
        Assert.Equal(-1, rates.PearsonUnweighted!.Value, Tolerance);
        Assert.Equal(-1, rates.PearsonWeighted!.Value, Tolerance);
        // n 6, Σx 90, Σy 3, Σxy 25, Σx² 1750 → (150 − 270)/√((10500 − 8100)(18 − 9)) = −120/√21600 = −√(2/3).
        Assert.Equal(-Math.Sqrt(2.0 / 3), rates.PointBiserial!.Value, Tolerance);
    }

    [Fact]
    public void Build_SameRateInEveryBucket_CorrelationAbsentWithNoteAndNoNaN()
    {
        using var run = new CurationRun().Write(
            [Kept("a", 5, Resolved), Kept("b", 15, Resolved), Kept("c", 15, Resolved)],
            [Dropped("d", 5, Unresolved, CurationFilters.Unresolved), Dropped("e", 15, Unresolved, CurationFilters.Unresolved), Dropped("f", 15, Unresolved, CurationFilters.Unresolved)]);

        var stats = run.Stats();

        Assert.Equal([0.5, 0.5], stats.ResolveRate.Buckets.Select(b => b.Rate!.Value));
        Assert.Null(stats.ResolveRate.PearsonUnweighted);
        Assert.Null(stats.ResolveRate.PearsonWeighted);
        // Per trajectory the outcomes do vary: n 6, Σx 70, Σy 3, Σxy 35 → 6·35 − 70·3 = 0, r = 0 exactly.
        Assert.Equal(0, stats.ResolveRate.PointBiserial);
        Assert.Contains(stats.Notes, n => n.Contains("same resolve rate", StringComparison.Ordinal));
        string json = JsonSerializer.Serialize(stats, RunJson.Options);
        Assert.DoesNotContain("pearson_unweighted", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OneBucketOnly_CorrelationAbsentAndNoteSuggestsSmallerBucket()
    {
        using var run = new CurationRun().Write([Kept("a", 3, Resolved), Kept("b", 7, Resolved)], [Dropped("c", 9, Unresolved, CurationFilters.Unresolved)]);

        var stats = run.Stats();

        Assert.Single(stats.ResolveRate.Buckets);
        Assert.Null(stats.ResolveRate.PearsonUnweighted);
        Assert.Contains(stats.Notes, n => n.Contains("try a smaller --bucket", StringComparison.Ordinal));
        Assert.Equal(-1, run.Stats(bucketSize: 5).ResolveRate.PearsonUnweighted!.Value, Tolerance);
    }

    [Theory]
    [InlineData(10, 1, 10, 11, 20)]
    [InlineData(5, 6, 10, 11, 15)]
    public void Build_TurnsOnABucketEdge_LastTurnInsideNextOneOutside(int bucketSize, int firstFrom, int firstTo, int secondFrom, int secondTo)
    {
        using var run = new CurationRun().Write([Kept("ten", 10, Resolved)], [Dropped("eleven", 11, Unresolved, CurationFilters.Unresolved)]);

        var buckets = run.Stats(bucketSize).ResolveRate.Buckets;

        Assert.Equal([(firstFrom, firstTo, 1, 1), (secondFrom, secondTo, 1, 0)], buckets.Select(b => (b.From, b.To, b.Trajectories, b.Resolved)));
    }

    [Fact]
    public void Build_GapBetweenBuckets_EmptyBucketListedWithoutRate()
    {
        using var run = new CurationRun().Write([Kept("a", 5, Resolved), Kept("b", 35, Resolved)], [Dropped("c", 36, Unresolved, CurationFilters.Unresolved)]);

        var rates = run.Stats().ResolveRate;

        Assert.Equal([(1, 1.0), (0, null), (0, null), (2, 0.5)], rates.Buckets.Select(b => (b.Trajectories, b.Rate)));
        // Two points with a rate: (5.5, 1) and (35.5, 0.5) → r = −1.
        Assert.Equal(-1, rates.PearsonUnweighted!.Value, Tolerance);
    }

    [Fact]
    public void Build_Decisions_MaskedShareByRuleWithReportTokens()
    {
        TurnDecision[] first = [new(1, false, TurnDecision.Clean), new(2, true, "error-observation"), new(3, false, "tests-exempt")];
        TurnDecision[] second = [new(1, true, "command-not-found"), new(2, true, "error-observation"), new(3, false, TurnDecision.Clean)];
        using var run = new CurationRun().Write(
            [Kept("a", 3, Resolved, decisions: first), Kept("b", 3, Resolved, decisions: second)],
            [],
            Report([new("clean", false, 2, 600), new("error-observation", true, 2, 300), new("command-not-found", true, 1, 50), new("tests-exempt", false, 1, 50),
                new("timeout", true, 0, 0)]));

        var masking = run.Stats().Masking;

        Assert.Equal((6, 3, 0.5), (masking.AssistantTurns, masking.MaskedTurns, masking.MaskedTurnShare));
        // Tokens: all = 600 + 300 + 50 + 50 = 1000, masked = 300 + 50 = 350.
        Assert.Equal((1000L, 350L, 0.35), (masking.AssistantTokens!.Value, masking.MaskedTokens!.Value, masking.MaskedTokenShare!.Value));
        Assert.Equal(
            [("clean", false, 2, 2 / 6.0, 600L, 0.6), ("error-observation", true, 2, 2 / 6.0, 300L, 0.3), ("command-not-found", true, 1, 1 / 6.0, 50L, 0.05),
                ("tests-exempt", false, 1, 1 / 6.0, 50L, 0.05), ("timeout", true, 0, 0.0, 0L, 0.0)],
            masking.Rules.Select(r => (r.Rule, r.Masks, r.Turns, r.TurnShare!.Value, r.Tokens!.Value, r.TokenShare!.Value)));
    }

    [Fact]
    public void Build_ReportDisagreesOrIsMissing_NotesSayWhatIsAbsent()
    {
        TurnDecision[] decisions = [new(1, true, "error-observation"), new(2, false, TurnDecision.Clean)];
        using var disagreeing = new CurationRun().Write([Kept("a", 2, Resolved, decisions: decisions)], [], Report([new("error-observation", true, 5, 10), new("clean", false, 1, 10)]));
        using var missing = new CurationRun().Write([Kept("a", 2, Resolved, decisions: decisions)], []);

        var disagreeingStats = disagreeing.Stats();
        var missingStats = missing.Stats();

        Assert.Contains(disagreeingStats.Notes, n => n.StartsWith("report.json counts 5 turns for rule 'error-observation' but kept.jsonl has 1", StringComparison.Ordinal));
        Assert.Null(missingStats.Masking.AssistantTokens);
        Assert.All(missingStats.Masking.Rules, r => Assert.Null(r.Tokens));
        Assert.Equal(0.5, missingStats.Masking.MaskedTurnShare);
        Assert.False(missingStats.Inputs.Report);
        Assert.Contains(missingStats.Notes, n => n.StartsWith("report.json is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_TokenCounts_HistogramsWithPowerOfTwoBoundsAndSummaries()
    {
        (long Total, long Trained)[] tokens = [(1024, 0), (1025, 500), (2048, 1500), (5000, 3000), (131_072, 70_000)];
        using var run = new CurationRun().Write(tokens.Select((t, i) => Kept($"r{i}", 2, Resolved, tokens: new TokenCounts(t.Total, t.Trained, 10, i == 4 ? 9000 : 0))));

        var stats = run.Stats().Tokens;

        Assert.Equal(new TokenCounts(140_169, 75_000, 50, 9000), stats.Totals);
        Assert.Equal([(0L, 1024L, 1), (1025L, 2048L, 2), (2049L, 4096L, 0), (4097L, 8192L, 1), (8193L, 16_384L, 0), (16_385L, 32_768L, 0), (32_769L, 65_536L, 0), (65_537L, 131_072L, 1)],
            stats.Total.Histogram.Select(b => (b.From, b.To, b.Records)));
        Assert.Equal([2, 1, 1, 0, 0, 0, 0, 1], stats.Trained.Histogram.Select(b => b.Records));
        Assert.Equal((1024L, 2048.0, 140_169 / 5.0, 131_072L), (stats.Total.Min!.Value, stats.Total.Median!.Value, stats.Total.Mean!.Value, stats.Total.Max!.Value));
        Assert.Equal((0L, 1500.0, 65_537L), (stats.Trained.Min!.Value, stats.Trained.Median!.Value, stats.Trained.Histogram[^1].From));
    }

    [Fact]
    public void Build_Bins_CumulativeStagesFromReportBins()
    {
        using var run = new CurationRun().Write(
            [Kept("a", 3, Resolved, bin: "short", tokens: new(100, 50, 10, 0)), Kept("b", 40, Resolved, bin: "long", tokens: new(1000, 400, 100, 0)),
                Kept("c", 4, SemiResolved, bin: "short", tokens: new(200, 60, 0, 0))],
            [],
            Report([], bins: "short:10,middle:30,long:60"));

        var curriculum = run.Stats().Curriculum;

        Assert.Equal(
            [(1, "short", 1, 10, 2, 300L, 2, 300L, 110L), (2, "middle", 11, 30, 0, 0L, 2, 300L, 110L), (3, "long", 31, 60, 1, 1000L, 3, 1300L, 510L)],
            curriculum.Select(s => (s.Stage, s.Bin, s.MinTurns, s.MaxTurns, s.BinRecords, s.BinTokens.Total, s.Records, s.Tokens.Total, s.Tokens.Trained)));
    }

    [Fact]
    public void Build_RecordInUnknownBin_ErrorNamesFileRecordAndBins()
    {
        using var run = new CurationRun().Write([Kept("a", 3, Resolved, bin: "trivial")], [], Report([]));

        var error = Assert.Throws<RunDataException>(() => run.Stats());

        Assert.Contains("kept.jsonl: record a#0 is in curriculum bin 'trivial', which is not one of easy:50,medium:70,hard:100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LabelsAndSources_CountedForKeptAndDropped()
    {
        using var run = new CurationRun().Write(
            [Kept("a", 3, Resolved), Kept("b", 3, SemiResolved), Kept("c", 3, Resolved, labelSource: "swe-bench report.json")],
            [Dropped("d", 3, Unresolved, CurationFilters.Unresolved), Dropped("e", 3, Unevaluated, CurationFilters.Unevaluated, labelSource: "none"),
                Dropped("f", 3, Unresolved, CurationFilters.Unresolved)]);

        var stats = run.Stats();

        Assert.Equal([(Resolved, 2, 0), (SemiResolved, 1, 0), (Unresolved, 0, 2), (Unevaluated, 0, 1)], stats.Labels.Select(l => (l.Label, l.Kept, l.Dropped)));
        Assert.Equal([("swelego eval", 2, 2), ("swe-bench report.json", 1, 0), ("none", 0, 1)], stats.LabelSources.Select(s => (s.LabelSource, s.Kept, s.Dropped)));
        Assert.Equal([("unevaluated", 1), ("unresolved", 2)], stats.Inputs.DroppedByFilter.Select(f => (f.Id, f.Dropped)));
        Assert.Equal((3, 3), (stats.Inputs.Kept, stats.Inputs.Dropped));
    }

    [Fact]
    public void Build_EmptyInput_RatesAbsentWithNoteAndNoNaN()
    {
        using var run = new CurationRun().Write([], [], Report([]));

        var stats = run.Stats();

        Assert.Equal((0, 0, null), (stats.ResolveRate.Evaluated, stats.ResolveRate.Buckets.Count, stats.ResolveRate.Rate));
        Assert.Null(stats.Masking.MaskedTurnShare);
        Assert.Null(stats.Tokens.Total.Median);
        Assert.Empty(stats.Tokens.Total.Histogram);
        Assert.Equal([0, 0, 0], stats.Curriculum.Select(s => s.Records));
        Assert.Equal(["No evaluated trajectories (resolved, semi-resolved or unresolved): resolve rates and their correlations are absent."], stats.Notes);
        string json = JsonSerializer.Serialize(stats, RunJson.Options);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DroppedFileMissing_KeptOnlyWithNote()
    {
        using var run = new CurationRun().Write([Kept("a", 3, Resolved)]);

        var stats = run.Stats();

        Assert.Equal(1.0, stats.ResolveRate.Rate);
        Assert.Contains(stats.Notes, n => n.StartsWith("dropped.jsonl is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_CorruptKeptLine_ErrorNamesFileAndLine()
    {
        using var run = new CurationRun().Write([Kept("a", 3, Resolved), Kept("b", 3, Resolved)]);
        string kept = Path.Combine(run.CurationDirectory, CurationStage.KeptFile);
        var lines = File.ReadAllLines(kept);
        File.WriteAllLines(kept, ["{\"instance_id\": \"a\"}", lines[1]]);

        var error = Assert.Throws<RunDataException>(() => run.Stats());

        Assert.StartsWith($"{kept}:1: invalid KeptSummary record", error.Message, StringComparison.Ordinal);
    }
}
