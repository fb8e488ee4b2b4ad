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
    TimeSpan EnvironmentBuildTime)
{
    /// <summary>Kept instances by <see cref="SyntheticValidation.Mode"/>.</summary>
    public IReadOnlyDictionary<string, int> KeptByMode { get; init; } = new Dictionary<string, int>();

    /// <summary>Fast-mode instances the whole-suite audit compared (an audit run that could not be graded is not counted).</summary>
    public int Audited { get; init; }

    /// <summary>Audited instances whose fast lists differed from the whole suite's.</summary>
    public int AuditDiffered { get; init; }

    /// <summary>Differing audits ÷ audits; 0 with none.</summary>
    public double AuditDifferenceRate => Audited == 0 ? 0 : (double)AuditDiffered / Audited;

    /// <summary>True when this session reused an earlier session's baseline.json (and coverage.json).</summary>
    public bool BaselineReused { get; init; }

    /// <summary>True when caught bugs' lists came from their covering tests and the baseline (<see cref="SyntheticTaskOptions.ExactPassToPass"/> off, coverage complete).</summary>
    public bool FastMode { get; init; }
}
