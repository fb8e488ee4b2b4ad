namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>
/// What <see cref="DockerEngineClient.CreateContainerAsync"/> creates. Defaults are the safe ones:
/// no network, no privilege escalation, never auto-removed (we inspect exit state after death).
/// </summary>
public sealed record ContainerSpec(string Image)
{
    /// <summary>Container name; null lets the daemon pick one.</summary>
    public string? Name { get; init; }

    /// <summary>Command; null keeps the image's CMD.</summary>
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Entrypoint; null keeps the image's, an empty list clears it.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Extra environment on top of the image's.</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>Working directory; null keeps the image's.</summary>
    public string? WorkingDir { get; init; }

    /// <summary>Labels; also put on named volumes the daemon creates for <see cref="Volumes"/>.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>User (name, uid or uid:gid); null keeps the image's.</summary>
    public string? User { get; init; }

    /// <summary>Memory limit in bytes; swap is set to the same value so the container cannot swap.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>Maximum number of processes (threads count too) inside the container.</summary>
    public long? PidsLimit { get; init; }

    /// <summary>Docker network mode. Default "none"; anything else must be asked for explicitly.</summary>
    public string NetworkMode { get; init; } = "none";

    /// <summary>Mount the image's root file system read-only.</summary>
    public bool ReadonlyRootfs { get; init; }

    /// <summary>Container path → tmpfs mount options (e.g. "rw,size=64m,mode=1777").</summary>
    public IReadOnlyDictionary<string, string>? Tmpfs { get; init; }

    /// <summary>Host directory → container directory, mounted read-write. The host directory must exist.</summary>
    public IReadOnlyDictionary<string, string>? Binds { get; init; }

    /// <summary>Host directory → container directory, mounted read-only. The host directory must exist.</summary>
    public IReadOnlyDictionary<string, string>? ReadOnlyBinds { get; init; }

    /// <summary>
    /// Named volume → container path. The daemon creates a missing volume and, when it is empty,
    /// copies the image's content at that path into it: a writable copy of an image directory.
    /// Removing the container does not remove named volumes; use RemoveVolumeAsync.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Volumes { get; init; }

    /// <summary>Set the no-new-privileges security option (setuid binaries cannot escalate). Default true.</summary>
    public bool NoNewPrivileges { get; init; } = true;

    /// <summary>Run docker-init as PID 1 so orphaned processes are reaped. Default false.</summary>
    public bool Init { get; init; }
}
