using SweLego.Runs;
using SweLego.Tasks.Synthetic;

namespace SweLego.Benchmarking;

/// <summary>
/// Synthetic task generation, measured in one run on the same repository, seed and candidate
/// order: how fast candidates are generated, and the validation time per accepted bug when each
/// candidate first runs only the tests that execute its function (coverage-guided) against
/// running the whole suite for every candidate (the baseline).
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
        progress?.Report("coverage-guided");
        var guided = await SyntheticTaskMiner.RunAsync(RunFolder.Create(Path.Combine(workDirectory, "coverage")), options with { CoverageGuided = true }, cancellationToken: cancellationToken);
        return new SyntheticBenchmarkReport(
            options.Repository, options.Seed, options.Max ?? 0,
            guided.Candidates, guided.TargetFunctions, guided.Candidates / Math.Max(guided.GenerationTime.TotalSeconds, 1e-9),
            full.Kept, full.ValidationTime.TotalSeconds / Math.Max(1, full.Kept),
            guided.Kept, guided.ValidationTime.TotalSeconds / Math.Max(1, guided.Kept));
    }
}
