namespace SweLego.Sandboxes;

/// <summary>
/// Resource limits for one session. Memory and processes are enforced by the kernel
/// (cgroups for bwrap, the container's cgroup for docker); the rest by the session.
/// </summary>
public sealed record SandboxLimits
{
    /// <summary>Defaults: 2 GiB memory, 512 processes, 2 h session lifetime, 120 s per command, 256 MiB output per command.</summary>
    public static SandboxLimits Default { get; } = new();

    /// <summary>Memory for all processes of the session together (RAM, no swap).</summary>
    public long MemoryBytes { get; init; } = 2L << 30;

    /// <summary>Maximum number of processes/threads alive at once in the session.</summary>
    public int MaxProcesses { get; init; } = 512;

    /// <summary>Lifetime of the whole session; after it, the session is killed.</summary>
    public TimeSpan WallTime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Default hard timeout of one command (overridable per call).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>A command producing more output than this is stopped as if it timed out.</summary>
    public long MaxOutputBytes { get; init; } = 256L << 20;

    public void Validate()
    {
        if (MemoryBytes < 16L << 20) throw new ArgumentException($"Memory limit {MemoryBytes} bytes is below the 16 MiB minimum.");
        if (MaxProcesses < 16) throw new ArgumentException($"Process limit {MaxProcesses} is below the minimum of 16 (the shell needs a few).");
        if (WallTime <= TimeSpan.Zero) throw new ArgumentException("Session wall time must be positive.");
        if (CommandTimeout <= TimeSpan.Zero) throw new ArgumentException("Command timeout must be positive.");
        if (MaxOutputBytes < 1024) throw new ArgumentException("Output limit must be at least 1 KiB.");
    }
}
