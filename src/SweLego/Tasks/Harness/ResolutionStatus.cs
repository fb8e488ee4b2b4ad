namespace SweLego.Tasks.Harness;

/// <summary>The harness's resolution levels; only <see cref="Full"/> counts as resolved.</summary>
public enum ResolutionStatus
{
    /// <summary>All FAIL_TO_PASS and all PASS_TO_PASS tests pass ("RESOLVED_FULL").</summary>
    Full,

    /// <summary>Some but not all FAIL_TO_PASS pass, all PASS_TO_PASS pass ("RESOLVED_PARTIAL").</summary>
    Partial,

    /// <summary>Anything else ("RESOLVED_NO").</summary>
    No,
}
