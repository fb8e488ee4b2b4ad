namespace SweLego.Evaluation.Metrics;

/// <summary>
/// Evaluation metrics overall, per source (<c>real</c>, <c>synthetic</c>, or a dataset's name) and
/// per repository, groups in name order. Serialized with the run folder's JSON conventions
/// (snake_case) as a whole document carrying <see cref="Version"/>.
/// </summary>
public sealed record MetricsReport
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required MetricsGroup Overall { get; init; }

    public required IReadOnlyList<MetricsGroup> BySource { get; init; }

    public required IReadOnlyList<MetricsGroup> ByRepo { get; init; }

    /// <summary>With <c>--hack-free</c>: what the audit changed (the groups above then count flagged rollouts as unresolved).</summary>
    public HackFreeReport? HackFree { get; init; }
}
