namespace SweLego.Sandboxes.Probes;

/// <summary>
/// One escape or limit probe with a stable id (<c>read.etc-shadow</c>, <c>memory-8g</c>). Its body
/// sets up host-side bait through the <see cref="ProbeContext"/> (a listener, marker files, a host
/// process; undone afterwards), runs commands in a fresh session with <see cref="Limits"/>, and
/// judges the results and the host's state. Bodies must stay harmless when the sandbox does NOT
/// hold: they only touch their own markers and processes, and write back values they read.
/// </summary>
public sealed class SandboxProbe
{
    private readonly Func<ProbeContext, CancellationToken, Task<ProbeVerdict>> _run;

    public SandboxProbe(string id, string description, Func<ProbeContext, CancellationToken, Task<ProbeVerdict>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Id = id;
        Description = description;
        _run = run ?? throw new ArgumentNullException(nameof(run));
    }

    /// <summary>
    /// Small limits, so limit probes finish fast and an escaped hog stays modest: 256 MiB memory,
    /// 64 processes, 30 s per command, 32 MiB output, 64 MiB workspace disk, 32 MiB /tmp, 16 MiB /dev/shm.
    /// </summary>
    public static SandboxLimits DefaultLimits { get; } = SandboxLimits.Default with
    {
        MemoryBytes = 256L << 20,
        MaxProcesses = 64,
        WallTime = TimeSpan.FromMinutes(10),
        CommandTimeout = TimeSpan.FromSeconds(30),
        MaxOutputBytes = 32L << 20,
        DiskBytes = 64L << 20,
        TmpBytes = 32L << 20,
        ShmBytes = 16L << 20,
    };

    /// <summary>Stable id, used on the command line (<c>--only</c>), in reports and test names.</summary>
    public string Id { get; }

    /// <summary>One line: what must hold.</summary>
    public string Description { get; }

    /// <summary>Limits of the probe's session.</summary>
    public SandboxLimits Limits { get; init; } = DefaultLimits;

    /// <summary>The whole probe, set-up to tear-down; past it the probe is stopped and reported as an error.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(2);

    internal Task<ProbeVerdict> RunAsync(ProbeContext context, CancellationToken cancellationToken) => _run(context, cancellationToken);

    public override string ToString() => Id;
}
