using SweLego.Runs;

namespace SweLego.Benchmarking;

/// <summary>
/// <c>swelego bench synth</c>, as written to <c>bench/synth.json</c>: generation rate and the
/// validation seconds per accepted bug of both strategies; <see cref="Speedup"/> = full-suite ÷ coverage-guided.
/// </summary>
public sealed record SyntheticBenchmarkReport(
    string Repository, int Seed, int MaxInstances,
    int Candidates, int TargetFunctions, double CandidatesPerSecond,
    int FullSuiteKept, double FullSuiteSecondsPerKept,
    int CoverageGuidedKept, double CoverageGuidedSecondsPerKept) : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public double Speedup => FullSuiteSecondsPerKept / CoverageGuidedSecondsPerKept;
}
