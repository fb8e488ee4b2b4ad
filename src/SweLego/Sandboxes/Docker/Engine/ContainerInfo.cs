namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>The parts of GET /containers/{id}/json that sandboxes act on.</summary>
public sealed record ContainerInfo
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Image as requested at creation (name or id).</summary>
    public required string Image { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public string? WorkingDir { get; init; }

    /// <summary>created, running, paused, restarting, removing, exited or dead.</summary>
    public required string Status { get; init; }

    public bool Running { get; init; }

    public int ExitCode { get; init; }

    /// <summary>The kernel OOM killer killed a process of the container (its memory limit was hit).</summary>
    public bool OomKilled { get; init; }

    /// <summary>Host PID of the container's init process; 0 when not running.</summary>
    public int Pid { get; init; }

    /// <summary>Why the daemon could not run the container, if it could not.</summary>
    public string? Error { get; init; }

    public required string NetworkMode { get; init; }

    /// <summary>Memory limit in bytes; 0 means unlimited.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>Memory plus swap limit in bytes; equal to <see cref="MemoryBytes"/> means no swap.</summary>
    public long MemorySwapBytes { get; init; }

    /// <summary>Process limit; null or 0 means unlimited.</summary>
    public long? PidsLimit { get; init; }

    public bool ReadonlyRootfs { get; init; }

    public required IReadOnlyList<string> SecurityOpt { get; init; }

    public required IReadOnlyList<ContainerMount> Mounts { get; init; }
}
