using System.Diagnostics;

namespace SweLego.Sandboxes.Shell;

/// <summary>
/// One frame sent to the persistent shell (a command, or the shell's own OOM-count query)
/// until its "D" marker arrives: where its output goes, how much it printed and when, why it
/// is being stopped early, and the task that watches it to its end.
/// </summary>
internal sealed class ShellCommand(Action<ReadOnlyMemory<byte>>? onOutput)
{
    private CancellationTokenSource? _stop;
    private int _reason;
    private long _diskUsage;
    private long _lastOutput = Stopwatch.GetTimestamp();

    /// <summary>Why a command was stopped before its timeout; the first reason wins.</summary>
    public enum StopReason
    {
        None,
        OutputLimit,
        DiskLimit,

        /// <summary>The waiting caller's token was cancelled.</summary>
        Cancelled,
    }

    public Action<ReadOnlyMemory<byte>>? OnOutput { get; } = onOutput;

    // Synchronous continuations on purpose: the read loop completes it outside any lock and the
    // waiting ExecAsync resumes on that thread, saving a thread-pool hop per command.
    public TaskCompletionSource<ShellCompletion> Done { get; } = new();

    /// <summary>Runs from the start: limits, stopping and the final result, whether or not a caller waits.</summary>
    public Task<ExecResult>? Monitor { get; set; }

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>Bytes printed since the frame was sent (the output limit counts across early returns).</summary>
    public long OutputBytes { get; private set; }

    /// <summary>Stopwatch timestamp of the last output (or the start).</summary>
    public long LastOutput => Interlocked.Read(ref _lastOutput);

    public StopReason Reason => (StopReason)Volatile.Read(ref _reason);

    /// <summary>The workspace's disk use when the disk watcher stopped the command.</summary>
    public long DiskUsage => Interlocked.Read(ref _diskUsage);

    /// <summary>The token source whose cancellation stops the command (also its timeout).</summary>
    public void StopWith(CancellationTokenSource stop) => _stop = stop;

    /// <summary>Called under the state lock on a reader thread; returns the bytes printed so far.</summary>
    public long CountOutput(int bytes)
    {
        Interlocked.Exchange(ref _lastOutput, Stopwatch.GetTimestamp());
        return OutputBytes += bytes;
    }

    /// <summary>Called under the state lock on a reader thread.</summary>
    public void HitOutputLimit() => Stop(StopReason.OutputLimit);

    /// <summary>Called on a timer thread by the disk watcher.</summary>
    public void HitDiskLimit(long usage)
    {
        Interlocked.Exchange(ref _diskUsage, usage);
        Stop(StopReason.DiskLimit);
    }

    public void Cancel() => Stop(StopReason.Cancelled);

    // Cancel on the thread pool, not inline: the callers hold locks or run on a reader thread.
    private void Stop(StopReason reason)
    {
        if (Interlocked.CompareExchange(ref _reason, (int)reason, (int)StopReason.None) != (int)StopReason.None) return;
        try { _ = _stop?.CancelAsync(); }
        catch (ObjectDisposedException) { /* the command just finished */ }
    }
}

/// <summary>What the shell reported at the end of a frame; <see cref="Ended"/> means the shell is gone.</summary>
internal sealed record ShellCompletion(int ExitCode, long? OomKills, string? Cwd, bool Ended, OutputCapture? Capture = null);
