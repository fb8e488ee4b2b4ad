using System.Globalization;
using System.Text;

namespace SweLego.Sandboxes.Shell;

/// <summary>The two channels: writes, the reader loops and the markers they deliver.</summary>
internal sealed partial class PersistentShell
{
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
        (ShellCommand Command, ShellCompletion Result)? finished;
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
        ShellCommand? running;
        lock (_stateLock)
        {
            scanner.Flush(OnData);
            if (!isShell) return;
            _endReason ??= "The shell's output stream closed (the sandbox stopped).";
            _ready.TrySetException(new IOException(_endReason));
            _supervisorReady.TrySetException(new IOException(_endReason));
            running = _running;
        }

        running?.Done.TrySetResult(new ShellCompletion(-1, null, null, Ended: true));
    }

    // Runs under _stateLock, on a reader task.
    private void OnData(ReadOnlySpan<byte> data)
    {
        _capture.Append(data);
        if (_running is not { } running) return;
        running.OnOutput?.Invoke(data.ToArray());
        if (running.CountOutput(data.Length) > _limits.MaxOutputBytes) running.HitOutputLimit();
    }

    // Runs under _stateLock, on a reader task.
    private void OnMarker(string body)
    {
        string[] fields = body.Split(':', 4);
        switch (fields[0])
        {
            case "R" when fields.Length >= 2:
                _capture = new OutputCapture();
                _ready.TrySetResult(int.Parse(fields[1], CultureInfo.InvariantCulture));
                break;
            case "D" when fields.Length == 4:
                var capture = _capture;
                _capture = new OutputCapture();
                Finished(new ShellCompletion(
                    int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[2], CultureInfo.InvariantCulture), fields[3],
                    Ended: false, capture));
                break;
            case "X" when fields.Length >= 2:
                _endReason ??= $"The shell exited with code {fields[1]}.";
                Finished(new ShellCompletion(int.Parse(fields[1], CultureInfo.InvariantCulture), null, null, Ended: true));
                break;
            case "S":
                _supervisorReady.TrySetResult();
                break;
            case "I" when fields.Length >= 2:
                // Answers come in the order the lines were written; two callers racing to write may
                // swap their counts, which only steer InterruptAsync's retries.
                if (_signalAcks.TryDequeue(out var ack)) ack.TrySetResult(int.Parse(fields[1], CultureInfo.InvariantCulture));
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
    private void Finished(ShellCompletion completion)
    {
        if (_running is { } running) _finished ??= (running, completion);
    }
}
