namespace SweLego.Evaluation;

/// <summary>Why a prediction is an error (the harness would have written no report.json for it).</summary>
public enum EvaluationErrorKind
{
    /// <summary>No command of the harness's cascade applied the model patch.</summary>
    PatchApplyFailed,

    /// <summary>The eval script ran past the time limit.</summary>
    TimedOut,

    /// <summary>No environment: neither one of ours nor an image, or no test command known for the repository.</summary>
    NoEnvironment,

    /// <summary>The instance's row could not be used (no FAIL_TO_PASS, malformed).</summary>
    BadInstance,

    /// <summary>The harness's own log parser raises on this log, so it writes no report.</summary>
    LogParser,

    /// <summary>Our side failed (the environment did not start, the sandbox died, an unexpected error): retried, never graded.</summary>
    Infrastructure,
}
