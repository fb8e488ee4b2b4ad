namespace SweLego.Tasks.Synthetic;

/// <summary>
/// The result of <see cref="SyntheticTaskMiner.RunAsync"/>: counts (including earlier sessions of a
/// resumed run), kept instances per method, where the outputs are, and the timings the benchmark reports.
/// </summary>
public sealed record SyntheticTaskSummary(
    string Repo,
    string Commit,
    int TargetFunctions,
    int Candidates,
    int Kept,
    IReadOnlyDictionary<string, int> KeptByMethod,
    IReadOnlyDictionary<SyntheticRejectionKind, int> Rejected,
    int Skipped,
    string InstancesPath,
    string RejectedPath,
    TimeSpan Elapsed,
    TimeSpan GenerationTime,
    TimeSpan ValidationTime,
    TimeSpan EnvironmentBuildTime);
