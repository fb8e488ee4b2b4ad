namespace SweLego.Sandboxes.Shell;

/// <summary>A channel whose output can also be read with a blocking call (pipes), for a dedicated reader thread.</summary>
internal interface IBlockingByteChannel : IByteChannel
{
    /// <summary>Blocks until output arrives; 0 means end of stream.</summary>
    int Read(Span<byte> buffer);
}
