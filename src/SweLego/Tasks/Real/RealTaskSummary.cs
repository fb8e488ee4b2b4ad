namespace SweLego.Tasks.Real;

/// <summary>
/// The result of <see cref="RealTaskMiner.RunAsync"/>: counts (including earlier sessions of a
/// resumed run), where the outputs are, and the time split used by the overhead benchmark.
/// <paramref name="BadPrRecords"/> are the reasons of this session's unusable <c>--prs</c> lines (also in
/// rejected.jsonl); <paramref name="NoCandidatesReason"/> says why there was nothing to validate, when so.
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
    TimeSpan TestTime,
    IReadOnlyList<string> BadPrRecords,
    string? NoCandidatesReason);
