namespace SweLego.Sandboxes.Shell;

/// <summary>A duplex byte pipe into the sandbox (process pipes, a FIFO, a hijacked Docker exec stream).</summary>
internal interface IByteChannel : IAsyncDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Reads output; 0 means end of stream.</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}
