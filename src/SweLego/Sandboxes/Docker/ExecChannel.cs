using SweLego.Sandboxes.Docker.Engine;
using SweLego.Sandboxes.Shell;

namespace SweLego.Sandboxes.Docker;

/// <summary>A hijacked exec stream as a shell channel.</summary>
internal sealed class ExecChannel(ExecStream stream) : IByteChannel
{
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => stream.WriteAsync(data, cancellationToken);

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => stream.ReadAsync(buffer, cancellationToken);

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
