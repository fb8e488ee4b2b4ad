namespace SweLego.Tasks.Real;

/// <summary>
/// The result of <see cref="RealTaskMiner.RunAsync"/>: counts (including earlier sessions of a
/// resumed run), where the outputs are, and the time split used by the overhead benchmark.
/// </summary>
public sealed record RealTaskSummary(
    string Repo,
    int Candidates,
    int Kept,
    IReadOnlyDictionary<RejectionKind, int> Rejected,
    int Skipped,
    string InstancesPath,
    string RejectedPath,
    TimeSpan Elapsed,
    TimeSpan EnvironmentBuildTime,
    TimeSpan TestTime);
