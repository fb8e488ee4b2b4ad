namespace SweLego.Curation;

/// <summary>Why a trajectory is training data (snake_case in files).</summary>
public enum CurationLabel
{
    /// <summary>Its patch resolves the task (our evaluation, or the importing tool's own report).</summary>
    Resolved,

    /// <summary>Its patch does not resolve the task but touches exactly the gold patch's files (spec §1.5, recycled).</summary>
    SemiResolved,

    /// <summary>Not resolved and not semi-resolved (only ever dropped).</summary>
    Unresolved,

    /// <summary>No evaluation exists (imported without a report); exported only with <c>--include-unevaluated</c>.</summary>
    Unevaluated,
}
