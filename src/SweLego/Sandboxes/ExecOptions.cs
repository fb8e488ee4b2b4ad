namespace SweLego.Sandboxes;

/// <summary>Per-command options.</summary>
public sealed record ExecOptions
{
    /// <summary>Hard timeout; null uses the session's <see cref="SandboxLimits.CommandTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Called with raw output bytes as they arrive (streaming display, waiting for a prompt).</summary>
    public Action<ReadOnlyMemory<byte>>? OnOutput { get; init; }
}
