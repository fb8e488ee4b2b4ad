namespace SweLego.Runs.Stages;

/// <summary>
/// Where a stage stands, for a live display. While items run (<see cref="Phase"/> null): the items
/// in this session (<see cref="Total"/>), how many are done (earlier sessions' included), the
/// outcome counts of everything recorded, and the item that just started. Before that a stage may
/// report phases of its own (<see cref="Starting"/>).
/// </summary>
public sealed record StageProgress(string Stage, int Total, int Done, int Skipped, IReadOnlyDictionary<string, int> Counts, string? Current)
{
    /// <summary>What the stage is doing before its items run (e.g. <c>baseline</c>); null while they run.</summary>
    public string? Phase { get; init; }

    /// <summary>A phase before the items: no counts yet.</summary>
    public static StageProgress Starting(string stage, string phase) =>
        new(stage, 0, 0, 0, new Dictionary<string, int>(), null) { Phase = phase };
}
