namespace SweLego.Tasks.Synthetic;

/// <summary>Why a bug candidate did not become an instance; stable names, counted in the progress display and reports.</summary>
public enum SyntheticRejectionKind
{
    /// <summary>The function already has the maximum number of bugs.</summary>
    FunctionLimit,

    /// <summary>The method could not make a candidate (an LLM rewrite that failed, was unchanged or did not parse).</summary>
    NoCandidate,

    /// <summary>No test fails with the bug: the tests do not catch it.</summary>
    Survived,

    /// <summary>With the bug the tests time out.</summary>
    TimedOut,

    /// <summary>With the bug the tests run away (endless allocation, a fork loop) until the sandbox kills them at a limit.</summary>
    ResourceLimit,

    /// <summary>With the bug the tests cannot even be collected (an import fails): not a useful task.</summary>
    CrashesCollection,

    /// <summary>With the bug the test run is not gradable for another reason (no results, inconsistent exit code).</summary>
    NotGradable,

    /// <summary>An unexpected error; the candidate is tried again when the run resumes.</summary>
    Error,
}
