namespace SweLego.Sandboxes;

/// <summary>
/// Resource limits for one session. Memory and processes are enforced by the kernel
/// (cgroups for bwrap, the container's cgroup for docker), /tmp and /dev/shm by the size of
/// their tmpfs, the workspace's disk use by the session's disk watcher, the rest by the session.
/// </summary>
public sealed record SandboxLimits
{
    /// <summary>Largest value any byte limit accepts (1 TiB): beyond it a limit is a typo, not a wish.</summary>
    public const long MaxBytes = 1L << 40;

    /// <summary>Defaults: 2 GiB memory, 512 processes, 2 h session, 120 s per command, 256 MiB output, 4 GiB workspace, 512 MiB /tmp, 64 MiB /dev/shm.</summary>
    public static SandboxLimits Default { get; } = new();

    /// <summary>Memory for all processes of the session together (RAM, no swap; the tmpfs /tmp and /dev/shm count too).</summary>
    public long MemoryBytes { get; init; } = 2L << 30;

    /// <summary>Maximum number of processes/threads alive at once in the session.</summary>
    public int MaxProcesses { get; init; } = 512;

    /// <summary>Lifetime of the whole session; after it, the session is killed.</summary>
    public TimeSpan WallTime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Default hard timeout of one command (overridable per call).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>A command producing more output than this is stopped as if it timed out.</summary>
    public long MaxOutputBytes { get; init; } = 256L << 20;

    /// <summary>Disk the workspace may use (its size on disk, watched while commands run); a command that passes it is stopped.</summary>
    public long DiskBytes { get; init; } = 4L << 30;

    /// <summary>Size of the private /tmp (a tmpfs; its pages count against <see cref="MemoryBytes"/>). Default: 512 MiB, at most a quarter of the memory.</summary>
    public long TmpBytes
    {
        get => _tmpBytes ?? Math.Min(512L << 20, MemoryBytes / 4);
        init => _tmpBytes = value;
    }

    /// <summary>Size of the private /dev/shm (a tmpfs; its pages count against <see cref="MemoryBytes"/>). Default: 64 MiB, at most a sixteenth of the memory.</summary>
    public long ShmBytes
    {
        get => _shmBytes ?? Math.Min(64L << 20, MemoryBytes / 16);
        init => _shmBytes = value;
    }

    private readonly long? _tmpBytes;
    private readonly long? _shmBytes;

    /// <summary>Throws <see cref="ArgumentException"/> naming the limit and the accepted range.</summary>
    public void Validate()
    {
        CheckBytes("Memory limit", MemoryBytes, 16L << 20);
        if (MaxProcesses is < 16 or > 4_194_304) throw new ArgumentException($"Process limit {MaxProcesses} is outside 16 (the shell needs a few) to 4194304.");
        CheckTime("Session wall time", WallTime);
        CheckTime("Command timeout", CommandTimeout);
        CheckBytes("Output limit", MaxOutputBytes, 1024);
        CheckBytes("Disk limit", DiskBytes, 1L << 20);
        CheckBytes("/tmp size", TmpBytes, 1L << 20);
        CheckBytes("/dev/shm size", ShmBytes, 1L << 20);
        if (TmpBytes + ShmBytes >= MemoryBytes)
            throw new ArgumentException(
                $"/tmp ({Mib(TmpBytes)}) and /dev/shm ({Mib(ShmBytes)}) live in memory and must together stay below the memory limit ({Mib(MemoryBytes)}), " +
                "or filling them would kill the shell.");
    }

    private static void CheckBytes(string name, long value, long minimum)
    {
        if (value < minimum || value > MaxBytes)
            throw new ArgumentException($"{name} of {value} bytes is outside {Mib(minimum)} to 1 TiB.");
    }

    private static void CheckTime(string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(30))
            throw new ArgumentException($"{name} of {value.TotalSeconds} s is outside (0 s, 30 days].");
    }

    private static string Mib(long bytes) => bytes >= 1L << 20 ? $"{bytes >> 20} MiB" : $"{bytes} bytes";
}
