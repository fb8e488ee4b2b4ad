namespace SweLego.Tasks.Real;

/// <summary>Why a candidate did not become an instance; stable names, counted in the progress display and reports.</summary>
public enum RejectionKind
{
    /// <summary>A line of the --prs file could not be used (bad JSON, unknown commit).</summary>
    BadPrRecord,

    /// <summary>The change holds a binary file, which a text patch cannot carry.</summary>
    BinaryPatch,

    /// <summary>The test patch or the gold patch does not apply at the base commit.</summary>
    PatchDoesNotApply,

    /// <summary>The repository's configuration at the base commit could not be read.</summary>
    EnvironmentInference,

    /// <summary>The environment for the base commit could not be built.</summary>
    EnvironmentBuild,

    /// <summary>The test patch touches no test module the runner can run.</summary>
    NoTestFiles,

    /// <summary>The tests cannot run at all in this environment (collection error, timeout, no results), with the log as evidence.</summary>
    EnvironmentIncompatible,

    /// <summary>The tests ran, but no test fails before the fix and passes after it.</summary>
    NoFailToPass,

    /// <summary>An unexpected error while validating this candidate (a bug or a broken machine); the batch goes on.</summary>
    Error,
}
