using System.Text.Json;

namespace SweLego.Runs;

/// <summary>Options for <see cref="JsonlWriter{T}"/>.</summary>
public sealed class JsonlWriterOptions
{
    /// <summary>
    /// Serializer options; default <see cref="RunJson.Options"/>. Must not be indented,
    /// because a record has to fit on one line.
    /// </summary>
    public JsonSerializerOptions? SerializerOptions { get; init; }

    /// <summary>
    /// Whether every record is flushed to disk (fsync) before <c>Append</c> returns. Default
    /// true. A killed process loses nothing either way (the kernel already holds the bytes);
    /// turning this off trades safety against power loss for throughput when records are
    /// small and many.
    /// </summary>
    public bool FlushToDiskEachRecord { get; init; } = true;
}
