using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Synthetic;

namespace SweLego.Benchmarking;

/// <summary>
/// Synthetic task generation, measured in one run on the same repository, seed and candidate
/// order: how fast candidates are generated, and the validation time per accepted bug of three
/// strategies: the whole suite for every candidate (the baseline), coverage-guided with exact
/// PASS_TO_PASS (covering tests first, then the rest of the suite), and the fast mode (covering
/// tests only, the rest from the clean baseline; its full-suite audits are part of its time).
/// </summary>
public static class SyntheticBenchmark
{
    public static async Task<SyntheticBenchmarkReport> RunAsync(
        SyntheticTaskOptions options, string workDirectory, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options with { Jobs = 1 };
        progress?.Report("full suite for every candidate (baseline)");
        var full = await SyntheticTaskMiner.RunAsync(RunFolder.Create(Path.Combine(workDirectory, "full-suite")), options with { CoverageGuided = false }, cancellationToken: cancellationToken);
        progress?.Report("coverage-guided, exact PASS_TO_PASS");
        var exact = await SyntheticTaskMiner.RunAsync(RunFolder.Create(Path.Combine(workDirectory, "exact")), options with { CoverageGuided = true, ExactPassToPass = true }, cancellationToken: cancellationToken);
        progress?.Report("fast mode (covering tests only)");
        var fast = await SyntheticTaskMiner.RunAsync(RunFolder.Create(Path.Combine(workDirectory, "fast")), options with { CoverageGuided = true, ExactPassToPass = false }, cancellationToken: cancellationToken);
        return new SyntheticBenchmarkReport(
            options.Repository, fast.Commit, options.Seed, options.Max ?? 0,
            fast.Candidates, fast.TargetFunctions, fast.Candidates / Math.Max(fast.GenerationTime.TotalSeconds, 1e-9),
            Strategy(full), Strategy(exact), Strategy(fast),
            fast.KeptByMode.GetValueOrDefault(SyntheticValidation.CoveringOnly), options.AuditRate, fast.Audited, fast.AuditDiffered);
    }

    private static SyntheticStrategyResult Strategy(SyntheticTaskSummary summary) =>
        new(summary.Kept, summary.Kept + summary.Rejected.Values.Sum(), summary.ValidationTime.TotalSeconds, summary.ValidationTime.TotalSeconds / Math.Max(1, summary.Kept));
}
