using SweLego.Runs;

namespace SweLego.Benchmarking;

/// <summary>
/// <c>swelego bench synth</c>, as written to <c>bench/synth.json</c>: generation rate, each
/// strategy's validation cost per accepted bug, and the fast mode's full-suite audit.
/// <see cref="Speedup"/> = whole suite ÷ fast mode; <see cref="ExactSpeedup"/> = whole suite ÷ coverage-guided exact.
/// </summary>
public sealed record SyntheticBenchmarkReport(
    string Repository, string Commit, int Seed, int MaxInstances,
    int Candidates, int TargetFunctions, double CandidatesPerSecond,
    SyntheticStrategyResult FullSuite, SyntheticStrategyResult Exact, SyntheticStrategyResult Fast,
    int FastModeKept, double AuditRate, int Audited, int AuditDiffered) : IVersionedRecord
{
    public const int FormatVersion = 2;

    public int V { get; init; } = FormatVersion;

    public double Speedup => FullSuite.SecondsPerKept / Fast.SecondsPerKept;

    public double ExactSpeedup => FullSuite.SecondsPerKept / Exact.SecondsPerKept;

    public double AuditDifferenceRate => Audited == 0 ? 0 : (double)AuditDiffered / Audited;
}

/// <summary>One strategy's run: accepted bugs, candidates validated, validation seconds and seconds per accepted bug.</summary>
public sealed record SyntheticStrategyResult(int Kept, int Validated, double ValidationSeconds, double SecondsPerKept);
