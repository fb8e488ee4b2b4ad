using System.Buffers;
using System.Text.Json;

namespace SweLego.Runs;

/// <summary>
/// Appends records to a JSONL file, one whole line per record, so a crash can only ever cut
/// the last line short. Opening the file repairs such a torn tail first, so a new record
/// never glues onto a partial one. Thread-safe; a second writer on the same file, in this or
/// another process, is refused (see <see cref="FileLock"/>), and readers may read meanwhile.
/// </summary>
public sealed class JsonlWriter<T> : IDisposable
    where T : IVersionedRecord
{
    private readonly FileLock writerLock;
    private readonly FileStream stream;
    private readonly JsonSerializerOptions serializerOptions;
    private readonly bool flushEachRecord;
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool disposed;

    /// <summary>Opens (or creates) <paramref name="path"/> for appending, repairing a torn tail.</summary>
    public JsonlWriter(string path, JsonlWriterOptions? options = null)
    {
        options ??= new JsonlWriterOptions();
        serializerOptions = options.SerializerOptions ?? RunJson.Options;
        if (serializerOptions.WriteIndented)
        {
            throw new ArgumentException("JSONL records must be written on one line; use options with WriteIndented = false.", nameof(options));
        }

        flushEachRecord = options.FlushToDiskEachRecord;
        Path = System.IO.Path.GetFullPath(path);
        // Each writer appends at the end it saw, so two writers would overwrite each other's records.
        writerLock = FileLock.TryAcquire(Path)
            ?? throw new IOException($"'{Path}' is already open in another JsonlWriter (in this or another process); share one writer per file.");
        FileStream? opened = null;
        try
        {
            opened = new FileStream(Path, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                // Readers (the dashboard, a resuming stage) may look while we write.
                Share = FileShare.ReadWrite,
                // Unbuffered, so each record reaches the kernel in exactly one write call.
                BufferSize = 0,
            });
            RepairedBytes = JsonlTail.Repair(opened);
            opened.Position = opened.Length;
        }
        catch
        {
            opened?.Dispose();
            writerLock.Dispose();
            throw;
        }

        stream = opened;
    }

    public string Path { get; }

    /// <summary>How many bytes of torn tail were cut off when the file was opened (0 if none).</summary>
    public long RepairedBytes { get; }

    /// <summary>Appends one record as one line and, by default, flushes it to disk.</summary>
    public void Append(T record)
    {
        var line = Serialize(record);
        gate.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            WriteLine(line.WrittenSpan);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Appends one record. Cancellation only applies while waiting for other writers: once the
    /// line is being written it is finished, so a cancelled caller never leaves half a record.
    /// The write itself is synchronous; it is one small unbuffered call (plus fsync).
    /// </summary>
    public async Task AppendAsync(T record, CancellationToken cancellationToken)
    {
        var line = Serialize(record);
        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            WriteLine(line.WrittenSpan);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        gate.Wait();
        try
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            stream.Flush(flushToDisk: true);
            stream.Dispose();
            writerLock.Dispose();
        }
        finally
        {
            gate.Release();
        }
    }

    private ArrayBufferWriter<byte> Serialize(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.V < 1)
        {
            throw new ArgumentException($"{typeof(T).Name}.V is {record.V}; every record must carry its format version (≥ 1).", nameof(record));
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = serializerOptions.Encoder }))
        {
            JsonSerializer.Serialize(json, record, serializerOptions);
        }

        // A custom converter writing raw JSON could smuggle in a newline and split the record.
        if (buffer.WrittenSpan.Contains((byte)'\n'))
        {
            throw new InvalidOperationException($"{typeof(T).Name} serialized to more than one line; JSONL records must be single-line.");
        }

        buffer.Write("\n"u8);
        return buffer;
    }

    private void WriteLine(ReadOnlySpan<byte> line)
    {
        stream.Write(line);
        if (flushEachRecord)
        {
            stream.Flush(flushToDisk: true);
        }
    }
}
