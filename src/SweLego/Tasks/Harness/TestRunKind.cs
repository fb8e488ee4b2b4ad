namespace SweLego.Tasks.Harness;

/// <summary>How far a test run's statuses can be trusted.</summary>
public enum TestRunKind
{
    /// <summary>The tests ran and the exit code agrees with the parsed statuses: grade them.</summary>
    Completed,

    /// <summary>The environment or harness failed (no markers, timeout, collection error, usage error):
    /// never grade this as an unresolved task.</summary>
    Infrastructure,

    /// <summary>The exit code contradicts the statuses, e.g. exit 1 with only PASSED lines, which is
    /// what code printing fake PASSED lines looks like (the newer harness's cross-check).</summary>
    Inconsistent,
}
