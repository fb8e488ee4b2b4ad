namespace SweLego.Curation;

/// <summary>
/// The stable ids of curation's filters, in the order they are applied (the first that applies drops the
/// trajectory; reports count each). <see cref="All"/> pairs each id with its one-line meaning for reports and cards.
/// </summary>
public static class CurationFilters
{
    public const string Unreadable = "unreadable";
    public const string Incomplete = "incomplete";
    public const string Decontaminated = "decontaminated";
    public const string HackAudit = "hack-audit";
    public const string EmptyPatch = "empty-patch";
    public const string ContextExhausted = "context-exhausted";
    public const string ModelError = "model-error";
    public const string TurnLimit = "turn-limit";
    public const string Unevaluated = "unevaluated";
    public const string Unresolved = "unresolved";
    public const string Duplicate = "duplicate";

    public static IReadOnlyList<(string Id, string Meaning)> All { get; } =
    [
        (Unreadable, "the trajectory file is missing or malformed"),
        (Incomplete, "the episode never ended (still running when the run stopped)"),
        (Decontaminated, "its repository or instance id is in an evaluation set given with --decontaminate"),
        (HackAudit, "the hack audit flagged it (git history, remotes, installed copies, network)"),
        (EmptyPatch, "the final patch is empty"),
        (ContextExhausted, "the episode ended because the context window was full"),
        (ModelError, "the episode ended because the model server failed"),
        (TurnLimit, "more assistant turns than --max-turns"),
        (Unevaluated, "no evaluation label (imported without a report, or the evaluation failed; kept with --include-unevaluated)"),
        (Unresolved, "the patch does not resolve the task and is not semi-resolved (or recycling is off)"),
        (Duplicate, "the same conversation as an earlier trajectory"),
    ];
}
