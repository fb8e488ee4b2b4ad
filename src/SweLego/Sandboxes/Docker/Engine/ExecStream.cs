using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>
/// The hijacked connection of an attached exec. Writes go to the process's stdin; reads return
/// stdout and stderr payload bytes in arrival order with docker's 8-byte frame headers
/// ([kind][0 0 0][uint32 big-endian size]) removed. One reader and one writer may run concurrently.
/// Disposing closes the connection (the process sees EOF on stdin) but does not kill the process.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "The docker API calls this the exec stream; it is duplex with typed reads, so it cannot be a System.IO.Stream.")]
public sealed class ExecStream : IAsyncDisposable, IDisposable
{
    internal const int BufferSize = 32 * 1024;
    private const int HeaderSize = 8;

    private readonly Socket _socket;

    // Holds frame headers and whatever payload arrived with them; large payloads bypass it.
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private long _frameRemaining;
    private ExecStreamKind _frameKind;
    private bool _disposed;

    internal ExecStream(string execId, Socket socket, byte[] buffer, int start, int end)
    {
        ExecId = execId;
        _socket = socket;
        _buffer = buffer;
        _start = start;
        _end = end;
    }

    public string ExecId { get; }

    /// <summary>The stream the bytes of the latest successful read came from.</summary>
    public ExecStreamKind LastReadStream { get; private set; } = ExecStreamKind.Stdout;

    /// <summary>Writes all of <paramref name="data"/> to the process's stdin.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!data.IsEmpty)
        {
            var sent = await _socket.SendAsync(data, SocketFlags.None, cancellationToken);
            data = data[sent..];
        }
    }

    /// <summary>Half-closes the connection so the process reads EOF; output can still be read.</summary>
    public ValueTask CloseStdinAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        _socket.Shutdown(SocketShutdown.Send);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Reads payload bytes of the next frame (never spanning two frames, so all returned bytes
    /// come from <see cref="LastReadStream"/>). Returns 0 once the process's output has ended.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (destination.IsEmpty)
        {
            return 0;
        }

        while (_frameRemaining == 0)
        {
            if (!await FillAsync(HeaderSize, cancellationToken))
            {
                if (_end == _start)
                {
                    return 0;
                }

                throw new IOException($"Exec {ExecId}: the connection closed inside a frame header.");
            }

            var header = _buffer.AsSpan(_start, HeaderSize);
            _frameKind = header[0] switch
            {
                0 => ExecStreamKind.Stdin,
                1 => ExecStreamKind.Stdout,
                2 => ExecStreamKind.Stderr,
                3 => ExecStreamKind.DaemonError,
                _ => throw new IOException($"Exec {ExecId}: unknown stream kind {header[0]} (was the exec created with a TTY?)."),
            };
            _frameRemaining = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
            _start += HeaderSize;
        }

        var wanted = (int)Math.Min(destination.Length, _frameRemaining);
        int count;
        if (_end > _start)
        {
            count = Math.Min(wanted, _end - _start);
            _buffer.AsSpan(_start, count).CopyTo(destination.Span);
            _start += count;
        }
        else
        {
            count = await _socket.ReceiveAsync(destination[..wanted], SocketFlags.None, cancellationToken);
            if (count == 0)
            {
                throw new IOException($"Exec {ExecId}: the connection closed inside a frame ({_frameRemaining} bytes missing).");
            }
        }

        _frameRemaining -= count;
        LastReadStream = _frameKind;
        return count;
    }

    /// <summary>Like <see cref="ReadAsync"/> but returns the stream kind with the count.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ExecReadResult> ReadChunkAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        var count = await ReadAsync(destination, cancellationToken);
        return new ExecReadResult(count, LastReadStream);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _socket.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Ensures <paramref name="count"/> buffered bytes; false when the peer closed first.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FillAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        if (_start > 0)
        {
            // Keep the partial header at the front so the rest fits behind it.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        while (_end < count)
        {
            var n = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
            if (n == 0)
            {
                return false;
            }

            _end += n;
        }

        return true;
    }
}
