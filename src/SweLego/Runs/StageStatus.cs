namespace SweLego.Runs;

/// <summary>Where a stage of a run stands, as recorded in the manifest.</summary>
public enum StageStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,

    /// <summary>Stopped by the user (Ctrl-C) or a crash; re-running the stage resumes it.</summary>
    Interrupted,
}
