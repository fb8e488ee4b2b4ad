using SweLego.Runs;

namespace SweLego.Benchmarking;

/// <summary>
/// <c>swelego bench eval</c>, as written to <c>bench/eval.json</c>: the evaluation's wall time for the
/// instances' gold patches next to the same test files run directly (seconds). <see cref="Overhead"/> is the
/// time beyond the raw test runs, relative to them (sandbox, checkouts, patches, eval script, grading, files).
/// </summary>
public sealed record EvaluationBenchmarkReport(
    string Repository, string Harness, int Instances, int Resolved, double EvaluationSeconds, double SandboxTestSeconds, double RawTestSeconds,
    double Overhead, double Target) : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public bool MeetsTarget => Overhead <= Target;
}
