namespace SweLego.Sandboxes;

/// <summary>
/// The outcome of one command. <see cref="Output"/> is stdout and stderr interleaved as a
/// terminal shows them, decoded as UTF-8 (invalid bytes become U+FFFD) and truncated per
/// spec: over 30,000 characters keeps the first and last 15,000 around a marker. A call that
/// returns early (<see cref="ExecOptions.ReturnAfter"/>, <see cref="ExecOptions.ReturnAfterNoOutput"/>)
/// has <see cref="StillRunning"/> set and holds the output printed since the previous call
/// returned; every result of one command holds only its own part of the output.
/// </summary>
public sealed record ExecResult
{
    /// <summary>The command's exit status; -1 while it is still running or when the shell is gone.</summary>
    public required int ExitCode { get; init; }

    public required string Output { get; init; }

    /// <summary>Time since the command started.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>
    /// The call returned before the command ended (see <see cref="ExecOptions"/>): collect the
    /// rest with <see cref="ISandboxSession.ContinueAsync"/>. No exit code or working directory yet.
    /// </summary>
    public bool StillRunning { get; init; }

    /// <summary>With <see cref="StillRunning"/>: the return was for <see cref="ExecOptions.ReturnAfterNoOutput"/> (else <see cref="ExecOptions.ReturnAfter"/>).</summary>
    public bool ReturnedOnNoOutput { get; init; }

    /// <summary>The command passed its hard timeout and was stopped.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Output was cut to the first and last 15,000 characters.</summary>
    public bool Truncated { get; init; }

    /// <summary>Bytes <see cref="Output"/> was made from (before truncation).</summary>
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
