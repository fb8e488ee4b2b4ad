using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace SweLego.Sandboxes.Shell;

/// <summary>
/// Drives one persistent bash through the marker protocol of shell-init.sh, with the
/// supervisor (supervisor.sh) on a second channel for signals. Backends supply the two
/// channels and a way to kill the whole session; everything else is shared, so every
/// backend behaves the same (the conformance suite checks it).
/// </summary>
internal sealed partial class PersistentShell : IAsyncDisposable
{
    // "\n" ends a partial line of input that no command read; the shell strips it.
    private static readonly byte[] FramePrefix = "\n"u8.ToArray();
    private static readonly byte[] FrameEnd = [0x1F];
    private static readonly byte[] OomQuery = "\n__swl_q\u001f"u8.ToArray();

    // A command the memory cgroup's OOM killer ends has allocated up to the limit first, which
    // takes milliseconds; the kill count is read again (one more round trip) only after a command
    // that ran longer than this or died of a signal, so quick commands cost nothing extra. The
    // same goes for the disk check after a command.
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromMilliseconds(2);

    // How long each stop step (Ctrl-C, SIGKILL, kill all) gets before the next one.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    // The longest single wait of a call with return times (Task.WaitAsync's limit is ~49 days).
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private readonly IByteChannel _shell;
    private readonly IByteChannel _control;
    private readonly Func<ValueTask> _killSession;
    private readonly SandboxLimits _limits;
    private readonly SemaphoreSlim _execLock = new(1, 1);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _stateLock = new();
    private readonly CancellationTokenSource _readers = new();
    private readonly TaskCompletionSource<int> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _supervisorReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _notes = [];
    private readonly List<Task> _readerTasks = [];
    private OutputCapture _capture = new();
    private TaskCompletionSource? _cleanup;
    private readonly Queue<TaskCompletionSource<int>> _signalAcks = new();
    private (ShellCommand Command, ShellCompletion Result)? _finished;
    private volatile int _completingThread;
    private ShellCommand? _running;
    private ShellCommand? _parked;
    private DiskWatcher? _disk;
    private long _oomKills = -1;
    private bool _processLimitHit;
    private string? _endReason;

    private PersistentShell(IByteChannel shell, IByteChannel control, Func<ValueTask> killSession, SandboxLimits limits)
    {
        _shell = shell;
        _control = control;
        _killSession = killSession;
        _limits = limits;
    }

    /// <summary>A fresh random token; markers carry it so command output cannot forge them.</summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// Starts the protocol on channels whose processes are already running; throws
    /// <see cref="SandboxException"/> with the shell's output when it does not become ready.
    /// </summary>
    public static async Task<PersistentShell> StartAsync(
        IByteChannel shell, IByteChannel control, Func<ValueTask> killSession, string nonce, string workdir, string? oomFile,
        SandboxLimits limits, CancellationToken cancellationToken)
    {
        var session = new PersistentShell(shell, control, killSession, limits);
        session._readerTasks.Add(session.StartReader(shell, nonce, isShell: true));
        session._readerTasks.Add(session.StartReader(control, nonce, isShell: false));
        try
        {
            await session.WriteAsync(shell, Encoding.UTF8.GetBytes(ShellScripts.Init(nonce, workdir, oomFile, limits.DiskBytes)), cancellationToken);
            int pid = await session._ready.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            await session.ControlAsync($"SHELL {pid}", cancellationToken);

            // The supervisor spares whatever runs when it starts; no command may run before that.
            await session._supervisorReady.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

            // The first frame turns on the shell's "D" markers and reads the OOM kill count (-1: none).
            session._oomKills = await session.QueryOomKillsAsync() ?? throw new SandboxException("The shell ended before its first command.");
            return session;
        }
        catch (Exception e) when (e is IOException or TimeoutException or SandboxException)
        {
            string output;
            lock (session._stateLock) output = session._capture.ToText().Text.Trim();
            await session.DisposeAsync();
            throw new SandboxException(
                $"The sandbox shell did not start ({e.Message.TrimEnd('.')}). {(output.Length > 0 ? output : "It printed nothing.")}", e);
        }
    }

    public async Task<ExecResult> ExecAsync(string command, ExecOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Contains('\u001f', StringComparison.Ordinal))
            throw new ArgumentException("The command contains the control character 0x1F, which the shell protocol reserves.", nameof(command));

        await _execLock.WaitAsync(cancellationToken);
        try
        {
            lock (_stateLock)
            {
                if (_parked is not null)
                    throw new InvalidOperationException(
                        "The previous command is still running (its call returned early): collect it with ContinueAsync, after input or Ctrl-C if needed, before starting another.");
            }

            var running = new ShellCommand(options?.OnOutput);
            await WaitForCleanupAsync(cancellationToken);
            lock (_stateLock)
            {
                if (_endReason is not null) return DeadResult(running.Clock.Elapsed);

                // An observation holds what the command printed; stray output of background
                // processes between commands (or of a killed fork bomb) is not part of it.
                _capture = new OutputCapture();
                _running = running;
            }

            byte[] frame = [.. FramePrefix, .. Encoding.UTF8.GetBytes(command), .. FrameEnd];
            try { await WriteAsync(_shell, frame, cancellationToken); }
            catch (Exception)
            {
                lock (_stateLock) _running = null;
                throw;
            }

            running.Monitor = MonitorAsync(running, options?.Timeout ?? _limits.CommandTimeout);
            return await WaitAsync(running, options, cancellationToken);
        }
        finally
        {
            _execLock.Release();
        }
    }

    public async Task<ExecResult> ContinueAsync(ExecOptions? options, CancellationToken cancellationToken)
    {
        await _execLock.WaitAsync(cancellationToken);
        try
        {
            ShellCommand running;
            lock (_stateLock)
            {
                running = _parked ?? throw new InvalidOperationException(
                    "No command is running: ContinueAsync collects a command whose call returned while it was still running.");
            }

            return await WaitAsync(running, options, cancellationToken);
        }
        finally
        {
            _execLock.Release();
        }
    }

    // Watches one command from its start to its end, whether or not a caller is waiting: the hard
    // timeout and the output and disk limits stop it while it is parked between calls too.
    private async Task<ExecResult> MonitorAsync(ShellCommand running, TimeSpan timeout)
    {
        try
        {
            using var stop = new CancellationTokenSource(timeout);
            running.StopWith(stop);
            _disk?.Start(running.HitDiskLimit);
            bool timedOut = false;

            // Notes about the command's end belong to its final result; the shared list would hand
            // them to a caller that collects the still-running command meanwhile.
            var endNotes = new List<string>();
            try
            {
                await running.Done.Task.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = running.Reason == ShellCommand.StopReason.None;
                string? note = running.Reason switch
                {
                    ShellCommand.StopReason.OutputLimit => $"Command exceeded the output limit of {_limits.MaxOutputBytes} bytes and was stopped.",
                    ShellCommand.StopReason.DiskLimit => _disk!.Note(running.DiskUsage, stopped: true),
                    ShellCommand.StopReason.Cancelled => null,
                    _ => $"Command timed out after {timeout.TotalSeconds:0.###} s and was stopped.",
                };
                if (note is not null) endNotes.Add(note);
                await StopRunningAsync(running, endNotes);
            }
            finally
            {
                _disk?.Stop();
            }

            ShellCompletion done = await running.Done.Task;
            bool recheck = !done.Ended && (running.Clock.Elapsed > RecheckAfter || done.ExitCode >= 128);
            if (recheck && _oomKills >= 0) done = done with { OomKills = await QueryOomKillsAsync() ?? done.OomKills };
            long? diskOver = running.Reason == ShellCommand.StopReason.DiskLimit ? running.DiskUsage : recheck ? _disk?.CheckOver() : null;
            if (diskOver is { } usage && running.Reason != ShellCommand.StopReason.DiskLimit) endNotes.Add(_disk!.Note(usage, stopped: false));
            return Finish(done, running.Clock.Elapsed, timedOut, running.Reason == ShellCommand.StopReason.OutputLimit, diskOver is not null, endNotes);
        }
        finally
        {
            lock (_stateLock) _running = null;
        }
    }

    // Waits for the command's end or for a return time of this call; cancelling stops the command.
    private async Task<ExecResult> WaitAsync(ShellCommand running, ExecOptions? options, CancellationToken cancellationToken)
    {
        Task<ExecResult> monitor = running.Monitor!;
        long callStart = Stopwatch.GetTimestamp();
        try
        {
            while (!monitor.IsCompleted && NextReturn(running, options, callStart) is var (wait, noOutput))
            {
                if (wait <= TimeSpan.Zero) return Park(running, noOutput);
                try { await monitor.WaitAsync(wait, cancellationToken); }
                catch (TimeoutException) { /* look again: output may have come meanwhile */ }
            }

            ExecResult result = await monitor.WaitAsync(cancellationToken);
            lock (_stateLock) _parked = null;
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            running.Cancel();
            await monitor;
            lock (_stateLock) _parked = null;
            throw;
        }
    }

    // How long until this call should return with the command still running (null: never); the
    // no-output rule first, as OpenHands checks it first.
    private static (TimeSpan Wait, bool NoOutput)? NextReturn(ShellCommand running, ExecOptions? options, long callStart)
    {
        TimeSpan? quietLeft = options?.ReturnAfterNoOutput - Stopwatch.GetElapsedTime(Math.Max(callStart, running.LastOutput));
        TimeSpan? elapsedLeft = options?.ReturnAfter - Stopwatch.GetElapsedTime(callStart);
        if (quietLeft <= TimeSpan.Zero) return (TimeSpan.Zero, true);
        if (elapsedLeft <= TimeSpan.Zero) return (TimeSpan.Zero, false);
        TimeSpan? wait = quietLeft is { } q && elapsedLeft is { } e ? (q < e ? q : e) : quietLeft ?? elapsedLeft;
        return wait is { } w ? (w < MaxWait ? w : MaxWait, false) : null;
    }

    // The caller gets what the command printed since the last return; the command keeps running.
    private ExecResult Park(ShellCommand running, bool noOutput)
    {
        lock (_stateLock)
        {
            _parked = running;
            var capture = _capture;
            _capture = new OutputCapture();
            var (text, truncated) = capture.ToText();
            var result = new ExecResult
            {
                ExitCode = -1,
                Output = text,
                Truncated = truncated,
                OutputBytes = capture.TotalBytes,
                Duration = running.Clock.Elapsed,
                StillRunning = true,
                ReturnedOnNoOutput = noOutput,
                ProcessLimitHit = _processLimitHit,
                Notes = [.. _notes],
            };
            _notes.Clear();
            _processLimitHit = false;
            return result;
        }
    }

    /// <summary>Lets the disk watcher stop commands that pass the disk limit (set once, before the first command).</summary>
    public void WatchDisk(DiskWatcher watcher) => _disk = watcher;

    // The shell's own command __swl_q reads the memory cgroup's kill count; its "D" carries it.
    private async Task<long?> QueryOomKillsAsync()
    {
        var query = new ShellCommand(null);
        lock (_stateLock)
        {
            if (_endReason is not null) return null;
            _capture = new OutputCapture();
            _running = query;
        }

        try { await WriteAsync(_shell, OomQuery, CancellationToken.None); }
        catch (IOException) { return null; }
        ShellCompletion done;
        try { done = await query.Done.Task.WaitAsync(TimeSpan.FromSeconds(30)); }
        catch (TimeoutException)
        {
            // The shell runs only builtins for it; if it cannot answer, later answers would be misread.
            AddNote("The shell did not report its memory counter within 30 s; the session was ended.");
            await EndAsync("The shell stopped answering.");
            return null;
        }

        return done.Ended ? null : done.OomKills;
    }

    // After a fork bomb the supervisor is still killing strays; a command sent now would be killed too.
    private async Task WaitForCleanupAsync(CancellationToken cancellationToken)
    {
        Task? cleanup;
        lock (_stateLock) cleanup = _cleanup?.Task;
        if (cleanup is null) return;
        try { await cleanup.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken); }
        catch (TimeoutException) { AddNote("The supervisor did not confirm that stray processes were killed within 30 s."); }
    }

    /// <summary>Input left unread when the command ends is read as the next command's start, so 0x1F (which would end that frame early) is refused.</summary>
    public Task SendInputAsync(string text, CancellationToken cancellationToken)
    {
        if (text.Contains('\u001f', StringComparison.Ordinal))
            throw new ArgumentException("The input contains the control character 0x1F, which the shell protocol reserves.", nameof(text));
        return WriteAsync(_shell, Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    /// <summary>
    /// Ctrl-C. The shell may be between two processes of the command (say after `echo` and
    /// before `sleep` forks, or in a child not yet exec'd), when nothing would take the signal;
    /// then it tries again shortly, for up to two seconds, while the command is still running.
    /// </summary>
    public async Task InterruptAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < 40; attempt++)
        {
            int? signalled = await SignalAsync("STOP INT", cancellationToken);
            if (signalled is null) return;
            bool running;
            lock (_stateLock) running = _running is { Done.Task.IsCompleted: false };
            if (signalled > 0 || !running) return;
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_stateLock) _endReason ??= "The session was closed.";
        await _readers.CancelAsync();
        await _shell.DisposeAsync();
        await _control.DisposeAsync();
        // Disposing from a command's continuation runs on a reader, which cannot wait for itself.
        if (_completingThread != Environment.CurrentManagedThreadId)
        {
            try { await Task.WhenAll(_readerTasks).WaitAsync(TimeSpan.FromSeconds(5)); }
            catch (TimeoutException) { /* a reader stuck in a kernel read; the process is gone anyway */ }
        }
        _readers.Dispose();
        _execLock.Dispose();
        _writeLock.Dispose();
    }

    // Ctrl-C first (the command may clean up), then SIGKILL its processes, then every stray
    // process. Each STOP also makes the shell abandon the command (see shell-init.sh), so a
    // builtin loop or a `read` ends too; only a command that took over the shell's SIGURG trap
    // can keep it busy, and then killing the session is all that is left.
    private async Task StopRunningAsync(ShellCommand running, List<string> endNotes)
    {
        foreach (string step in (string[])["STOP INT", "STOP KILL", "KILLALL"])
        {
            try
            {
                // Wait for the supervisor's answer too: the shell must have its SIGURG before the
                // next command starts, or that command would be the one abandoned.
                if (step.StartsWith("STOP", StringComparison.Ordinal))
                {
                    await SignalAsync(step, CancellationToken.None);
                }
                else
                {
                    // KILLALL keeps killing for a while after the command is gone; the next command
                    // waits for its "C" (see WaitForCleanupAsync), or its processes would be killed.
                    lock (_stateLock) _cleanup ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    await ControlAsync(step, CancellationToken.None);
                }
            }
            catch (IOException) { break; }
            if (await Completes(running.Done.Task, Grace)) return;
        }

        endNotes.Add("The shell did not return after its processes were killed; the session was ended.");
        await EndAsync("The shell could not be stopped after a timeout.");
    }

    // Sends a SIG/STOP line and returns the supervisor's count of signalled processes (null: no answer in 5 s).
    private async Task<int?> SignalAsync(string line, CancellationToken cancellationToken)
    {
        var ack = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_stateLock) _signalAcks.Enqueue(ack);
        await ControlAsync(line, cancellationToken);
        try { return await ack.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken); }
        catch (TimeoutException) { return null; }
    }

    private async Task EndAsync(string reason)
    {
        lock (_stateLock) _endReason ??= reason;
        await _killSession();
        ShellCommand? running;
        lock (_stateLock) running = _running;
        running?.Done.TrySetResult(new ShellCompletion(-1, null, null, Ended: true));
    }

    private static async Task<bool> Completes(Task task, TimeSpan within)
    {
        try { await task.WaitAsync(within); return true; }
        catch (TimeoutException) { return false; }
    }

    private ExecResult Finish(
        ShellCompletion done, TimeSpan elapsed, bool timedOut, bool outputLimit, bool diskLimit, IEnumerable<string> endNotes)
    {
        lock (_stateLock)
        {
            _notes.AddRange(endNotes);
            var (text, truncated) = done.Capture?.ToText() ?? _capture.ToText();
            long bytes = done.Capture?.TotalBytes ?? _capture.TotalBytes;
            bool oom = done.OomKills is { } kills && _oomKills >= 0 && kills > _oomKills;
            if (oom)
            {
                _notes.Add($"The memory limit of {_limits.MemoryBytes >> 20} MiB was reached; the kernel killed a process.");
                _oomKills = done.OomKills!.Value;
            }

            if (done.Ended) _notes.Add(_endReason ?? "The shell ended.");
            var result = new ExecResult
            {
                ExitCode = done.ExitCode,
                Output = text,
                Truncated = truncated,
                OutputBytes = bytes,
                Duration = elapsed,
                TimedOut = timedOut,
                WorkingDirectory = done.Cwd,
                MemoryLimitHit = oom,
                ProcessLimitHit = _processLimitHit,
                OutputLimitHit = outputLimit,
                DiskLimitHit = diskLimit,
                SessionEnded = done.Ended,
                Notes = [.. _notes],
            };
            _notes.Clear();
            _processLimitHit = false;
            return result;
        }
    }

    private ExecResult DeadResult(TimeSpan elapsed) => new()
    {
        ExitCode = -1,
        Output = "",
        Duration = elapsed,
        SessionEnded = true,
        Notes = [$"The session has ended: {_endReason}"],
    };

    private void AddNote(string note)
    {
        lock (_stateLock) _notes.Add(note);
    }
}
