namespace SweLego.Agent.Trajectories;

/// <summary>How an episode ended (spec: issue 12's exit statuses).</summary>
public enum RolloutStatus
{
    /// <summary>Still going (a file with this status after a crash is restarted cleanly).</summary>
    Running,

    /// <summary>The agent called <c>finish</c>.</summary>
    Finished,

    /// <summary>The turn limit was reached.</summary>
    MaxTurns,

    /// <summary>The stuck detector stopped it.</summary>
    Stuck,

    /// <summary>The next request would not fit the model's context window.</summary>
    ContextExhausted,

    /// <summary>The model server failed after its retries.</summary>
    ModelError,

    /// <summary>The sandbox failed (could not start, died).</summary>
    SandboxError,
}
