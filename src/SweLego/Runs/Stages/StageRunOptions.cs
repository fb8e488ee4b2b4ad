namespace SweLego.Runs.Stages;

/// <summary>How <see cref="StageRunner"/> runs a stage's items; <see cref="Validate"/> names a bad setting.</summary>
public sealed record StageRunOptions
{
    /// <summary>Items processed at once (each with its own worker); results are recorded in item order whatever it is. Default 1.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>
    /// Stop once this many results with outcome <see cref="MaxOutcome"/> are recorded (earlier sessions
    /// included); work in flight then is not recorded. Null: no limit.
    /// </summary>
    public int? Max { get; init; }

    /// <summary>The outcome <see cref="Max"/> counts. Default <see cref="StageOutcomes.Kept"/>.</summary>
    public string MaxOutcome { get; init; } = StageOutcomes.Kept;

    /// <summary>
    /// How often an item whose outcome is <see cref="StageOutcomes.Error"/> is tried again at once, each
    /// time with a new worker, before the error is recorded (a resumed run tries it again). Default 1.
    /// </summary>
    public int ErrorRetries { get; init; } = 1;

    /// <summary>At most one manifest update of the counts per this interval while items are recorded (and one at the end). Default 2 s.</summary>
    public TimeSpan CountsInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock of summary.json's times and of <see cref="CountsInterval"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public void Validate()
    {
        if (Jobs < 1) throw new ArgumentException($"Jobs must be at least 1 (got {Jobs}).");
        if (Max is < 1) throw new ArgumentException($"Max must be at least 1 (got {Max}).");
        ArgumentException.ThrowIfNullOrEmpty(MaxOutcome);
        if (MaxOutcome == StageOutcomes.Error) throw new ArgumentException("Max cannot count errors: they are tried again.");
        if (ErrorRetries is < 0 or > 10) throw new ArgumentException($"ErrorRetries must be from 0 to 10 (got {ErrorRetries}).");
        if (CountsInterval < TimeSpan.Zero) throw new ArgumentException("CountsInterval cannot be negative.");
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
