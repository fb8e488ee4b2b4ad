namespace SweLego.Runs.Stages;

/// <summary>How a session of <see cref="StageRunner"/> ended.</summary>
public enum StageRunStatus
{
    /// <summary>Every item is recorded.</summary>
    Completed,

    /// <summary><see cref="StageRunOptions.Max"/> results with its outcome are recorded; the rest waits for a run with a higher limit.</summary>
    MaxReached,

    /// <summary>Cancelled (Ctrl-C, SIGTERM); re-running resumes.</summary>
    Interrupted,
}
