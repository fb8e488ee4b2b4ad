using System.Collections.Immutable;

namespace SweLego.Runs;

/// <summary>A stage's section of the run manifest.</summary>
public sealed record StageRecord
{
    public StageStatus Status { get; init; } = StageStatus.Pending;

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How many times the stage was started; more than one means it was resumed.</summary>
    public int Attempts { get; init; }

    /// <summary>Why the stage failed or was interrupted; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>Named counters the stage reports (e.g. <c>written</c>, <c>skipped</c>).</summary>
    public ImmutableSortedDictionary<string, long> Counts { get; init; } =
        ImmutableSortedDictionary.Create<string, long>(StringComparer.Ordinal);

    /// <summary>Files and folders the stage produced, relative to the run folder with '/' separators.</summary>
    public ImmutableSortedSet<string> Outputs { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    public StageRecord WithCount(string name, long value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return this with { Counts = Counts.SetItem(name, value) };
    }

    public StageRecord AddCount(string name, long delta)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return this with { Counts = Counts.SetItem(name, Counts.GetValueOrDefault(name) + delta) };
    }

    public StageRecord WithOutput(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        return this with { Outputs = Outputs.Add(relativePath.Replace('\\', '/')) };
    }
}
