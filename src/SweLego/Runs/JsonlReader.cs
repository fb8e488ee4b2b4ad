using System.Text.Json;

namespace SweLego.Runs;

/// <summary>
/// Reads JSONL files written by <see cref="JsonlWriter{T}"/>. The last line is allowed to be
/// torn (no trailing newline, or not well-formed JSON) and is ignored, because that is what a
/// crash or a concurrent writer leaves; anything wrong before it is corruption and an error
/// that names the file and line.
/// </summary>
public static class JsonlReader
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>Streams the records; throws <see cref="RunDataException"/> on a bad line before the last.</summary>
    public static IEnumerable<T> Read<T>(string path, JsonSerializerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Enumerate<T>(path, options ?? RunJson.Options, skipInvalid: false, report: null);
    }

    /// <summary>Reads every record into memory, reporting skipped lines and a torn tail.</summary>
    public static JsonlReadResult<T> ReadAll<T>(string path, JsonlReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new JsonlReadOptions();
        var report = new ReadReport();
        var records = Enumerate<T>(path, options.SerializerOptions ?? RunJson.Options, options.SkipInvalidLines, report).ToList();
        return new JsonlReadResult<T>(records, report.SkippedLines, report.TornTail);
    }

    /// <summary>
    /// The keys of the records already in the file: the resume question "which are done?".
    /// A file that does not exist yet means nothing is done.
    /// </summary>
    public static HashSet<string> ReadKeys<T>(string path, Func<T, string> key, JsonSerializerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(key);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return keys;
        }

        foreach (var record in Read<T>(path, options))
        {
            keys.Add(key(record));
        }

        return keys;
    }

    private static IEnumerable<T> Enumerate<T>(string path, JsonSerializerOptions options, bool skipInvalid, ReadReport? report)
    {
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            // A writer may be appending right now; that is expected, not an error.
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
        });

        var buffer = new byte[InitialBufferSize];
        int start = 0, end = 0, lineNumber = 0;

        // A bad line is only corruption if another line follows it; at the end it is a torn tail.
        (int Line, string Problem, Exception? Error, long Offset, byte[] Bytes)? pending = null;
        long offset = 0; // of buffer[start] in the file

        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    // Bytes after the last newline are a line still being written or cut short.
                    if (report is not null && (pending is not null || end > start))
                    {
                        // What is ignored runs from the pending line (if any) to the end of the file.
                        long length = offset + end - start;
                        report.TornTail = pending is { } last
                            ? new JsonlTornTail(last.Line, length - last.Offset, JsonlTornTail.Preview(last.Bytes))
                            : new JsonlTornTail(lineNumber + 1, end - start, JsonlTornTail.Preview(buffer.AsSpan(start, end - start)));
                    }

                    yield break;
                }

                end += read;
                continue;
            }

            lineNumber++;
            var line = buffer.AsSpan(start, newline);
            long lineOffset = offset;
            start += newline + 1;
            offset += newline + 1;
            if (lineNumber == 1 && line.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }

            if (JsonlTail.IsBlank(line))
            {
                continue;
            }

            if (pending is { } bad)
            {
                if (!skipInvalid)
                {
                    throw new RunDataException($"{path}:{bad.Line}: {bad.Problem}", path, bad.Line, bad.Error);
                }

                report?.SkippedLines.Add(bad.Line);
                pending = null;
            }

            if (TryParse<T>(line, options, out var record, out var problem, out var error))
            {
                yield return record;
            }
            else if (JsonlTail.IsWellFormedJson(line))
            {
                // Complete JSON of the wrong shape is not a torn write but a bug or a format
                // mismatch; ignoring it at the end of the file would hide it.
                if (!skipInvalid)
                {
                    throw new RunDataException($"{path}:{lineNumber}: {problem}", path, lineNumber, error);
                }

                report?.SkippedLines.Add(lineNumber);
            }
            else
            {
                pending = (lineNumber, problem, error, lineOffset, line.ToArray());
            }
        }
    }

    private static bool TryParse<T>(ReadOnlySpan<byte> line, JsonSerializerOptions options, out T record, out string problem, out Exception? error)
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(line, options);
            if (value is null)
            {
                record = default!;
                problem = $"the line is JSON null, not a {typeof(T).Name} record.";
                error = null;
                return false;
            }

            record = value;
            problem = string.Empty;
            error = null;
            return true;
        }
        catch (JsonException exception)
        {
            record = default!;
            problem = $"invalid {typeof(T).Name} record: {exception.Message}";
            error = exception;
            return false;
        }
    }

    private sealed class ReadReport
    {
        public List<int> SkippedLines { get; } = [];

        public JsonlTornTail? TornTail { get; set; }
    }
}
