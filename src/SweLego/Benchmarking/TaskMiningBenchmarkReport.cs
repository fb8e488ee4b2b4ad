using SweLego.Runs;

namespace SweLego.Benchmarking;

/// <summary>
/// <c>swelego bench tasks</c>, as written to <c>bench/tasks.json</c>: the miner's wall time next
/// to the same test commands run directly (seconds). <see cref="Overhead"/> is the time beyond the
/// raw test runs, relative to them, without the one-time environment build;
/// <see cref="OverheadWithEnvironment"/> includes it.
/// </summary>
public sealed record TaskMiningBenchmarkReport(
    string Repository, string Backend, int Runs, int Candidates, int Kept, int TestedCandidates,
    double MinerSeconds, double EnvironmentSeconds, double SandboxTestSeconds, double RawTestSeconds,
    double Overhead, double OverheadWithEnvironment, double Target) : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public bool MeetsTarget => Overhead <= Target;
}
