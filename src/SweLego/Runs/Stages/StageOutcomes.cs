namespace SweLego.Runs.Stages;

/// <summary>
/// Outcome names shared by stages. An outcome is a short stable string per finished item
/// (<c>kept</c>, <c>rejected:no_fail_to_pass</c>, <c>resolved</c>, <c>error</c>): the manifest,
/// summary.json and the progress display count items by it. Only <see cref="Error"/> means
/// something to the runner: such an item is not done, so it is tried again.
/// </summary>
public static class StageOutcomes
{
    /// <summary>An unexpected failure (an exception, a broken sandbox): the item is retried, at once and on resume.</summary>
    public const string Error = "error";

    /// <summary>What mining stages keep; the default outcome <see cref="StageRunOptions.Max"/> counts.</summary>
    public const string Kept = "kept";

    /// <summary><c>rejected:&lt;kind&gt;</c>, e.g. <c>rejected:no_fail_to_pass</c>.</summary>
    public static string Rejected(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        return "rejected:" + kind;
    }
}
