using SweLego.Runs;

namespace SweLego.Benchmarking;

/// <summary>
/// <c>swelego bench eval</c>, as written to <c>bench/eval.json</c>: the evaluation's wall time for the
/// instances' gold patches next to the same test files run directly (seconds). <see cref="Overhead"/> is the
/// time per prediction beyond the raw test runs, relative to them: checkout, patches, eval script, grading,
/// the harness's files and the record (the one-time sandbox start excluded, as <c>bench tasks</c> excludes the
/// environment build); <see cref="OverheadWholeCommand"/> is the whole command's wall time beyond them (reading
/// the inputs, starting the sandbox, writing the run report included).
/// </summary>
public sealed record EvaluationBenchmarkReport(
    string Repository, string Harness, int Instances, int Resolved, double EvaluationSeconds, double SandboxStartSeconds, double PredictionSeconds,
    double SandboxTestSeconds, double RawTestSeconds, double Overhead, double OverheadWholeCommand, double Target) : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public bool MeetsTarget => Overhead <= Target;
}
