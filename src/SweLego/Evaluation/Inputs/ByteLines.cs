namespace SweLego.Evaluation.Inputs;

/// <summary>
/// The lines of a file as bytes, streamed: split on '\n' only (a stray '\r' inside a line must not
/// shift the line numbers problems report), any length (a 10 MB patch is one line). Each line's
/// memory is valid until the next one is asked for.
/// </summary>
internal static class ByteLines
{
    private const int InitialBufferSize = 64 * 1024;

    public static IEnumerable<(int Line, ReadOnlyMemory<byte> Bytes)> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        var buffer = new byte[InitialBufferSize];
        int start = 0, end = 0, line = 0, scanned = 0;
        bool endOfFile = false;
        while (true)
        {
            int newline = buffer.AsSpan(start + scanned, end - start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                int length = scanned + newline;
                line++;
                yield return (line, WithoutBom(line, buffer.AsMemory(start, length)));
                start += length + 1;
                scanned = 0;
                continue;
            }

            // Bytes already searched need not be searched again when more arrive.
            scanned = end - start;
            if (endOfFile)
            {
                if (end > start) yield return (line + 1, WithoutBom(line + 1, buffer.AsMemory(start, end - start)));
                yield break;
            }

            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            int read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0) endOfFile = true;
            end += read;
        }
    }

    private static ReadOnlyMemory<byte> WithoutBom(int line, ReadOnlyMemory<byte> bytes) =>
        line == 1 && bytes.Span.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
}
