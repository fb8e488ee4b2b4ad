namespace SweLego.Sandboxes;

/// <summary>
/// Per-command options. <see cref="Timeout"/> and <see cref="OnOutput"/> are fixed when the
/// command starts (<see cref="ISandboxSession.ContinueAsync"/> reads only the return times).
/// </summary>
public sealed record ExecOptions
{
    /// <summary>
    /// Hard timeout from the command's start, after which it is stopped, also while it runs
    /// between calls; null uses the session's <see cref="SandboxLimits.CommandTimeout"/>.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Called with raw output bytes as they arrive (streaming display, waiting for a prompt).</summary>
    public Action<ReadOnlyMemory<byte>>? OnOutput { get; init; }

    /// <summary>
    /// Return with the command still running once it has printed nothing for this long (from
    /// the later of this call's start and its last output), as an agent's shell does for a
    /// command waiting for input; null: no such return.
    /// </summary>
    public TimeSpan? ReturnAfterNoOutput { get; init; }

    /// <summary>Return with the command still running after this long in this call; null: no such return.</summary>
    public TimeSpan? ReturnAfter { get; init; }
}
