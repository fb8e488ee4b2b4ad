using System.Text;
using System.Text.Json;

namespace SweLego.Runs;

/// <summary>
/// Replaces a whole file so that readers and crash survivors see either the old contents or
/// the new, never a mix: the data goes to a temporary file in the same directory (rename is
/// only atomic within one file system), is flushed to disk, and is then renamed over the target.
/// </summary>
/// <remarks>
/// A crash between creating and renaming the temporary file can leave a hidden
/// <c>.NAME.*.tmp</c> file next to the target; it is never read and is safe to delete.
/// </remarks>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the file through <paramref name="write"/>; if it throws, the target is untouched.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteCore(path, overwrite: true, write, static (stream, write) => write(stream));
    }

    /// <summary>Asynchronous <see cref="Write(string, Action{Stream})"/>; cancelling before the rename leaves the target untouched.</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var target = Path.GetFullPath(path);
        var temp = CreateTemporary(target, out var stream);
        try
        {
            await using (stream)
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            Commit(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes) =>
        WriteCore(path, overwrite: true, bytes, static (stream, bytes) => stream.Write(bytes));

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAllBytes(path, Utf8NoBom.GetBytes(text));
    }

    /// <summary>Writes <paramref name="value"/> as JSON; <see cref="RunJson.IndentedOptions"/> unless told otherwise.</summary>
    public static void WriteJson<T>(string path, T value, JsonSerializerOptions? options = null) =>
        WriteAllBytes(path, Serialize(value, options));

    /// <summary>
    /// <see cref="WriteAllBytes"/> without flushing to disk: still atomic for readers and for a crash of this process (the
    /// rename replaces the file whole and the page cache outlives the process), but a power loss may keep the previous
    /// version. For files rewritten many times a second (a trajectory after every step), where two disk flushes per write
    /// would cost more than the step; the last write of such a file should be <see cref="WriteAllBytes"/>.
    /// </summary>
    public static void Replace(string path, ReadOnlySpan<byte> bytes) =>
        WriteCore(path, overwrite: true, bytes, static (stream, bytes) => stream.Write(bytes), durable: false);

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="records"/> as JSONL (one compact <see cref="RunJson.Options"/>
    /// line each): a crash leaves the old file or the whole new one, never a mix.
    /// </summary>
    public static void WriteJsonl<T>(string path, IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        Write(path, stream =>
        {
            foreach (var record in records)
            {
                JsonSerializer.Serialize(stream, record, RunJson.Options);
                stream.WriteByte((byte)'\n');
            }
        });
    }

    /// <summary>
    /// Like <see cref="WriteJson{T}"/> but fails with <see cref="IOException"/> if the target
    /// already exists, so of two processes creating the same file exactly one wins.
    /// </summary>
    internal static void CreateJson<T>(string path, T value, JsonSerializerOptions? options = null) =>
        WriteCore(path, overwrite: false, Serialize(value, options), static (stream, bytes) => stream.Write(bytes));

    private static void WriteCore<TState>(string path, bool overwrite, TState state, Action<FileStream, TState> write, bool durable = true)
        where TState : allows ref struct
    {
        var target = Path.GetFullPath(path);
        var temp = CreateTemporary(target, out var stream);
        try
        {
            using (stream)
            {
                write(stream, state);
                stream.Flush(flushToDisk: durable);
            }

            Commit(temp, target, overwrite, durable);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static byte[] Serialize<T>(T value, JsonSerializerOptions? options)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, options ?? RunJson.IndentedOptions);
        // Text files end with a newline so `cat` and diff tools behave.
        var withNewline = new byte[bytes.Length + 1];
        bytes.CopyTo(withNewline, 0);
        withNewline[^1] = (byte)'\n';
        return withNewline;
    }

    private static string CreateTemporary(string target, out FileStream stream)
    {
        var directory = Path.GetDirectoryName(target)
            ?? throw new ArgumentException($"'{target}' has no parent directory.", nameof(target));
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        stream = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        });
        return temp;
    }

    private static void Commit(string temp, string target, bool overwrite, bool durable = true)
    {
        // File.Move without overwrite links then unlinks on Unix, so it fails if the target exists.
        File.Move(temp, target, overwrite);
        // The rename itself lives in the directory; without syncing it a power loss could undo it.
        if (durable) DirectorySync.TryFlush(Path.GetDirectoryName(target)!);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray temporary file is harmless, hiding the original error is not.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
