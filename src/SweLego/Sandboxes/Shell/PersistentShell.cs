using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SweLego.Sandboxes.Shell;

/// <summary>
/// Drives one persistent bash through the marker protocol of shell-init.sh, with the
/// supervisor (supervisor.sh) on a second channel for signals. Backends supply the two
/// channels and a way to kill the whole session; everything else is shared, so every
/// backend behaves the same (the conformance suite checks it).
/// </summary>
internal sealed class PersistentShell : IAsyncDisposable
{
    private static readonly byte[] FramePrefix = "\n__S\n"u8.ToArray();
    private static readonly byte[] FrameEnd = [0x1F];

    // How long each stop step (Ctrl-C, SIGKILL, kill all) gets before the next one.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

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
    private TaskCompletionSource<int>? _signalAck;
    private (Running Command, Completion Result)? _finished;
    private volatile int _completingThread;
    private Running? _running;
    private long _oomKills;
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
            await session.WriteAsync(shell, Encoding.UTF8.GetBytes(ShellScripts.Init(nonce, workdir, oomFile)), cancellationToken);
            int pid = await session._ready.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            await session.ControlAsync($"SHELL {pid}", cancellationToken);

            // The supervisor spares whatever runs when it starts; no command may run before that.
            await session._supervisorReady.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
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
            var clock = Stopwatch.StartNew();
            await WaitForCleanupAsync(cancellationToken);
            var running = new Running(options?.OnOutput);
            lock (_stateLock)
            {
                if (_endReason is not null) return DeadResult(clock.Elapsed);

                // An observation holds what the command printed; stray output of background
                // processes between commands (or of a killed fork bomb) is not part of it.
                _capture = new OutputCapture();
                _running = running;
            }

            byte[] frame = [.. FramePrefix, .. Encoding.UTF8.GetBytes(command), .. FrameEnd];
            await WriteAsync(_shell, frame, cancellationToken);
            TimeSpan timeout = options?.Timeout ?? _limits.CommandTimeout;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(timeout);
            running.StopOnOutputLimit(stop);
            bool timedOut = false;
            try
            {
                await running.Done.Task.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                timedOut = !running.OutputLimitHit;
                AddNote(running.OutputLimitHit
                    ? $"Command exceeded the output limit of {_limits.MaxOutputBytes} bytes and was stopped."
                    : $"Command timed out after {timeout.TotalSeconds:0.###} s and was stopped.");
                await StopRunningAsync(running);
            }
            catch (OperationCanceledException)
            {
                await StopRunningAsync(running);
                throw;
            }

            Completion done = await running.Done.Task;
            return Finish(done, clock.Elapsed, timedOut, running.OutputLimitHit);
        }
        finally
        {
            lock (_stateLock) _running = null;
            _execLock.Release();
        }
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

    public Task SendInputAsync(string text, CancellationToken cancellationToken) =>
        WriteAsync(_shell, Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>
    /// Ctrl-C. The shell may be between two processes of the command (say after `echo` and
    /// before `sleep` forks, or in a child not yet exec'd), when nothing would take the signal;
    /// then it tries again shortly, for up to two seconds, while the command is still running.
    /// </summary>
    public async Task InterruptAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < 40; attempt++)
        {
            var ack = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_stateLock) _signalAck = ack;
            await ControlAsync("SIG INT", cancellationToken);
            int signalled;
            try { signalled = await ack.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken); }
            catch (TimeoutException) { return; }
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
    // process; a shell that is still busy after that is spinning in a builtin loop, and only
    // killing the session stops it.
    private async Task StopRunningAsync(Running running)
    {
        foreach (string step in (string[])["SIG INT", "SIG KILL", "KILLALL"])
        {
            try { await ControlAsync(step, CancellationToken.None); }
            catch (IOException) { break; }
            if (await Completes(running.Done.Task, Grace)) return;
        }

        AddNote("The shell did not return after its processes were killed; the session was ended.");
        await EndAsync("The shell could not be stopped after a timeout.");
    }

    private async Task EndAsync(string reason)
    {
        lock (_stateLock) _endReason ??= reason;
        await _killSession();
        Running? running;
        lock (_stateLock) running = _running;
        running?.Done.TrySetResult(new Completion(-1, null, null, Ended: true));
    }

    private static async Task<bool> Completes(Task task, TimeSpan within)
    {
        try { await task.WaitAsync(within); return true; }
        catch (TimeoutException) { return false; }
    }

    private ExecResult Finish(Completion done, TimeSpan elapsed, bool timedOut, bool outputLimit)
    {
        lock (_stateLock)
        {
            var (text, truncated) = done.Capture?.ToText() ?? _capture.ToText();
            long bytes = done.Capture?.TotalBytes ?? _capture.TotalBytes;
            bool oom = done.OomKills is { } kills && kills > _oomKills;
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

    private Task ControlAsync(string line, CancellationToken cancellationToken) =>
        WriteAsync(_control, Encoding.ASCII.GetBytes(line + "\n"), cancellationToken);

    private async Task WriteAsync(IByteChannel channel, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try { await channel.WriteAsync(data, cancellationToken); }
        finally { _writeLock.Release(); }
    }

    private Task StartReader(IByteChannel channel, string nonce, bool isShell)
    {
        var scanner = new MarkerScanner(nonce);
        if (channel is IBlockingByteChannel blocking)
        {
            // A blocking read on a thread of its own answers faster than async pipe I/O; a
            // sandbox round trip is dominated by that latency.
            return Task.Factory.StartNew(
                () => ReadLoopBlocking(blocking, scanner, isShell), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        return ReadLoopAsync(channel, scanner, isShell);
    }

    private void ReadLoopBlocking(IBlockingByteChannel channel, MarkerScanner scanner, bool isShell)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = channel.Read(buffer)) > 0) Consume(scanner, buffer.AsSpan(0, n));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The sandbox went away; handled below like end of stream.
        }

        EndOfStream(scanner, isShell);
    }

    private async Task ReadLoopAsync(IByteChannel channel, MarkerScanner scanner, bool isShell)
    {
        await Task.Yield();
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await channel.ReadAsync(buffer, _readers.Token)) > 0) Consume(scanner, buffer.AsSpan(0, n));
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The sandbox or the session went away; handled below like end of stream.
        }

        EndOfStream(scanner, isShell);
    }

    private void Consume(MarkerScanner scanner, ReadOnlySpan<byte> data)
    {
        (Running Command, Completion Result)? finished;
        lock (_stateLock)
        {
            scanner.Process(data, OnData, OnMarker);
            finished = _finished;
            _finished = null;
        }

        if (finished is not { } done) return;

        // Outside the lock, and inline: the waiting ExecAsync resumes on this reader thread
        // (a thread-pool hop per command would cost more than the rest of the round trip).
        _completingThread = Environment.CurrentManagedThreadId;
        try { done.Command.Done.TrySetResult(done.Result); }
        finally { _completingThread = 0; }
    }

    private void EndOfStream(MarkerScanner scanner, bool isShell)
    {
        Running? running;
        lock (_stateLock)
        {
            scanner.Flush(OnData);
            if (!isShell) return;
            _endReason ??= "The shell's output stream closed (the sandbox stopped).";
            _ready.TrySetException(new IOException(_endReason));
            _supervisorReady.TrySetException(new IOException(_endReason));
            running = _running;
        }

        running?.Done.TrySetResult(new Completion(-1, null, null, Ended: true));
    }

    // Runs under _stateLock, on a reader task.
    private void OnData(ReadOnlySpan<byte> data)
    {
        _capture.Append(data);
        if (_running is not { } running) return;
        running.OnOutput?.Invoke(data.ToArray());
        if (_capture.TotalBytes > _limits.MaxOutputBytes) running.HitOutputLimit();
    }

    // Runs under _stateLock, on a reader task.
    private void OnMarker(string body)
    {
        string[] fields = body.Split(':', 4);
        switch (fields[0])
        {
            case "R" when fields.Length >= 3:
                _oomKills = long.Parse(fields[2], CultureInfo.InvariantCulture);
                _capture = new OutputCapture();
                _ready.TrySetResult(int.Parse(fields[1], CultureInfo.InvariantCulture));
                break;
            case "D" when fields.Length == 4:
                var capture = _capture;
                _capture = new OutputCapture();
                Finished(new Completion(
                    int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[2], CultureInfo.InvariantCulture), fields[3],
                    Ended: false, capture));
                break;
            case "X" when fields.Length >= 2:
                _endReason ??= $"The shell exited with code {fields[1]}.";
                Finished(new Completion(int.Parse(fields[1], CultureInfo.InvariantCulture), null, null, Ended: true));
                break;
            case "S":
                _supervisorReady.TrySetResult();
                break;
            case "I" when fields.Length >= 2:
                _signalAck?.TrySetResult(int.Parse(fields[1], CultureInfo.InvariantCulture));
                _signalAck = null;
                break;
            case "C":
                _cleanup?.TrySetResult();
                _cleanup = null;
                break;
            case "L" when fields.Length >= 2:
                _processLimitHit = true;
                _cleanup ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _notes.Add($"The process limit of {_limits.MaxProcesses} was reached ({fields[1]} processes); every process outside the shell was killed.");
                break;
        }
    }

    // Under _stateLock: the read loop completes the command after releasing the lock.
    private void Finished(Completion completion)
    {
        if (_running is { } running) _finished ??= (running, completion);
    }

    private sealed record Completion(int ExitCode, long? OomKills, string? Cwd, bool Ended, OutputCapture? Capture = null);

    private sealed class Running(Action<ReadOnlyMemory<byte>>? onOutput)
    {
        private CancellationTokenSource? _stop;
        private volatile bool _outputLimitHit;

        public Action<ReadOnlyMemory<byte>>? OnOutput { get; } = onOutput;
        // Synchronous continuations on purpose: the read loop completes it outside any lock and
        // the waiting ExecAsync resumes on that thread, saving a thread-pool hop per command.
        // Synchronous continuations on purpose: see Consume.
        public TaskCompletionSource<Completion> Done { get; } = new();
        public bool OutputLimitHit => _outputLimitHit;

        public void StopOnOutputLimit(CancellationTokenSource stop) => _stop = stop;

        // Called under the state lock on a reader task: cancel on the thread pool, not inline.
        public void HitOutputLimit()
        {
            if (_outputLimitHit) return;
            _outputLimitHit = true;
            try { _ = _stop?.CancelAsync(); }
            catch (ObjectDisposedException) { /* the command just finished */ }
        }
    }
}
