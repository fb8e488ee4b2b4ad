namespace SweLego.Sandboxes.Shell;

/// <summary>A channel over a pair of streams; a null read side is an empty stream (write-only FIFO).</summary>
internal sealed class StreamChannel(Stream? readSide, Stream writeSide) : IByteChannel
{
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await writeSide.WriteAsync(data, cancellationToken);
        await writeSide.FlushAsync(cancellationToken);
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        readSide is null ? ValueTask.FromResult(0) : readSide.ReadAsync(buffer, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try { await writeSide.DisposeAsync(); }
        catch (IOException) { /* the other end is already gone */ }
        if (readSide is not null) await readSide.DisposeAsync();
    }
}
