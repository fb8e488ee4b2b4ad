namespace SweLego.Sandboxes;

/// <summary>
/// The outcome of one command. <see cref="Output"/> is stdout and stderr interleaved as a
/// terminal shows them, decoded as UTF-8 (invalid bytes become U+FFFD) and truncated per
/// spec: over 30,000 characters keeps the first and last 15,000 around a marker.
/// </summary>
public sealed record ExecResult
{
    public required int ExitCode { get; init; }
    public required string Output { get; init; }
    public required TimeSpan Duration { get; init; }

    /// <summary>The command passed its hard timeout and was stopped.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Output was cut to the first and last 15,000 characters.</summary>
    public bool Truncated { get; init; }

    /// <summary>Bytes the command wrote in total (before truncation).</summary>
    public long OutputBytes { get; init; }

    /// <summary>The shell's working directory after the command.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The kernel killed a process of this command for exceeding the memory limit.</summary>
    public bool MemoryLimitHit { get; init; }

    /// <summary>The session reached its process limit; its stray processes were killed.</summary>
    public bool ProcessLimitHit { get; init; }

    /// <summary>The command wrote more than the output limit and was stopped.</summary>
    public bool OutputLimitHit { get; init; }

    /// <summary>
    /// The workspace used more disk than <see cref="SandboxLimits.DiskBytes"/>: the command was
    /// stopped (or had just ended); <see cref="Notes"/> says how much is used.
    /// </summary>
    public bool DiskLimitHit { get; init; }

    /// <summary>The shell is gone (the command ran <c>exit</c>, or could not be stopped); the session is dead.</summary>
    public bool SessionEnded { get; init; }

    /// <summary>Human-readable notes about limits and timeouts, in the order they happened.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
