using System.Runtime.InteropServices;
using Docker.DotNet;
using SweLego.Sandboxes.Shell;

namespace SweLego.Sandboxes.Docker;

/// <summary>
/// An attached exec (no TTY) as a shell channel: writes go to the process's stdin; reads return
/// its stdout and stderr payload in arrival order, the library having removed docker's frame
/// headers. The shell protocol sends stderr to stdout anyway, so the two need no telling apart.
/// </summary>
internal sealed class ExecChannel(MultiplexedStream stream) : IByteChannel
{
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        // The library's stream takes arrays; the shell hands over array-backed memory, so no copy.
        var segment = MemoryMarshal.TryGetArray(data, out var array) ? array : new ArraySegment<byte>(data.ToArray());
        await stream.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken);
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (!MemoryMarshal.TryGetArray<byte>(buffer, out var segment))
            throw new ArgumentException("The exec channel reads into array-backed buffers only.", nameof(buffer));
        var result = await stream.ReadOutputAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken);
        return result.Count;
    }

    public ValueTask DisposeAsync()
    {
        stream.Dispose();
        return ValueTask.CompletedTask;
    }
}
