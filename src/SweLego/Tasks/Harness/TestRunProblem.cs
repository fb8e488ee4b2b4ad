namespace SweLego.Tasks.Harness;

/// <summary>
/// Why a run is not <see cref="TestRunKind.Completed"/>, for code that must decide what to do
/// (retry, reject a candidate, count an evaluation error); the outcome's Reason is for people.
/// </summary>
public enum TestRunProblem
{
    TimedOut,

    /// <summary>The sandbox killed the test command at its memory, process or output limit (a runaway loop or fork).</summary>
    ResourceLimit,
    MissingStartMarker,
    MissingEndMarker,
    NoExitCode,

    /// <summary>
    /// A test module failed to import. Infrastructure by default, but a caller grading a model's
    /// patch may treat it as that patch's failure (the patch can break the import), and task
    /// validation sees it before the gold patch whenever the test patch imports new code.
    /// </summary>
    CollectionError,

    PytestInterrupted,
    PytestInternalError,
    PytestUsageError,
    NoTestsCollected,
    NoResults,
    ExitZeroWithFailures,
    NonZeroExitWithoutFailures,
}
