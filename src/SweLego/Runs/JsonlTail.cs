using System.Text.Json;

namespace SweLego.Runs;

/// <summary>
/// Finds and cuts off the torn tail of a JSONL file: bytes after the last newline, and then a
/// last complete line that is not well-formed JSON. This is exactly what
/// <see cref="JsonlReader"/> ignores, so a reader and a repairing writer agree on which
/// records exist.
/// </summary>
internal static class JsonlTail
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Truncates the torn tail and returns how many bytes were removed.</summary>
    public static long Repair(FileStream stream)
    {
        var original = stream.Length;
        var end = LastNewline(stream, original) + 1;

        // Step back over blank lines to the last line with content; the reader skips blanks too.
        var lineEnd = end - 1;
        while (lineEnd >= 0)
        {
            var lineStart = LastNewline(stream, lineEnd) + 1;
            var line = ReadRange(stream, lineStart, lineEnd);
            if (!IsBlank(line))
            {
                if (!IsWellFormedJson(line))
                {
                    end = lineStart;
                }

                break;
            }

            lineEnd = lineStart - 1;
        }

        if (end < original)
        {
            stream.SetLength(end);
            stream.Flush(flushToDisk: true);
        }

        return original - end;
    }

    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    /// <summary>Whether the bytes are one complete JSON value; a line cut short never is.</summary>
    public static bool IsWellFormedJson(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read())
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Position of the last '\n' before <paramref name="before"/>, or -1.</summary>
    private static long LastNewline(FileStream stream, long before)
    {
        var buffer = new byte[ChunkSize];
        var end = before;
        while (end > 0)
        {
            var start = Math.Max(0, end - ChunkSize);
            var span = buffer.AsSpan(0, (int)(end - start));
            stream.Position = start;
            stream.ReadExactly(span);
            var index = span.LastIndexOf((byte)'\n');
            if (index >= 0)
            {
                return start + index;
            }

            end = start;
        }

        return -1;
    }

    private static byte[] ReadRange(FileStream stream, long start, long end)
    {
        var bytes = new byte[end - start];
        stream.Position = start;
        stream.ReadExactly(bytes);
        return bytes;
    }
}
