namespace SweLego.Sandboxes.Shell;

/// <summary>A channel over a pair of streams; a null read side is an empty stream (write-only FIFO).</summary>
internal sealed class StreamChannel(Stream? readSide, Stream writeSide) : IBlockingByteChannel
{
    // A plain write(2): frames go out when the shell waits for them, so the pipe has room,
    // and async pipe writes on Unix would only add a thread-pool hop to every round trip.
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        writeSide.Write(data.Span);
        writeSide.Flush();
        return ValueTask.CompletedTask;
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        readSide is null ? ValueTask.FromResult(0) : readSide.ReadAsync(buffer, cancellationToken);

    public int Read(Span<byte> buffer) => readSide is null ? 0 : readSide.Read(buffer);

    public async ValueTask DisposeAsync()
    {
        try { await writeSide.DisposeAsync(); }
        catch (IOException) { /* the other end is already gone */ }
        if (readSide is not null) await readSide.DisposeAsync();
    }
}
