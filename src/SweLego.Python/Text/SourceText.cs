using System.Text;

namespace SweLego.Python.Text;

/// <summary>
/// Decoded Python source held as UTF-8 bytes (what CPython tokenizes), with the line table and
/// the original encoding so the exact input bytes can be produced again.
/// </summary>
public sealed class SourceText
{
    private readonly byte[] utf8;
    private readonly Encoding? transcoding;
    private int[]? lineStarts;
    private string? text;

    internal SourceText(byte[] utf8, string encodingName, bool hasByteOrderMark, Encoding? transcoding)
    {
        this.utf8 = utf8;
        EncodingName = encodingName;
        HasByteOrderMark = hasByteOrderMark;
        this.transcoding = transcoding;
    }

    /// <summary>The encoding the file declared (PEP 263) or implied: <c>utf-8</c> by default.</summary>
    public string EncodingName { get; }

    /// <summary>True when the input started with a UTF-8 byte order mark (not part of the text).</summary>
    public bool HasByteOrderMark { get; }

    /// <summary>Length of the text in UTF-8 bytes.</summary>
    public int Length => utf8.Length;

    /// <summary>The text as UTF-8 bytes; offsets in spans index into this.</summary>
    public ReadOnlySpan<byte> Utf8 => utf8;

    internal byte[] Buffer => utf8;

    /// <summary>Number of lines (a text without line breaks has one).</summary>
    public int LineCount => LineStarts.Length;

    private int[] LineStarts => lineStarts ??= ComputeLineStarts(utf8);

    public string GetText(TextSpan span) => Encoding.UTF8.GetString(utf8, span.Start, span.Length);

    public override string ToString() => text ??= Encoding.UTF8.GetString(utf8);

    /// <summary>Maps a byte offset to a line (from 1) and UTF-8 byte column (from 0).</summary>
    public SourceLocation GetLocation(int offset)
    {
        offset = Math.Clamp(offset, 0, utf8.Length);
        int[] starts = LineStarts;
        int index = Array.BinarySearch(starts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new SourceLocation(index + 1, offset - starts[index]);
    }

    /// <summary>Maps a line (from 1) and UTF-8 byte column (from 0) back to a byte offset.</summary>
    public int GetOffset(SourceLocation location)
    {
        int[] starts = LineStarts;
        int line = Math.Clamp(location.Line, 1, starts.Length);
        return Math.Min(starts[line - 1] + location.Column, utf8.Length);
    }

    /// <summary>The span of a line (from 1) without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        int[] starts = LineStarts;
        int start = starts[line - 1];
        int end = line < starts.Length ? starts[line] : utf8.Length;
        while (end > start && (utf8[end - 1] == '\n' || utf8[end - 1] == '\r'))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    /// <summary>Encodes UTF-8 text the way the original file was stored (declared encoding, BOM).</summary>
    public byte[] Encode(ReadOnlySpan<byte> text)
    {
        if (transcoding is not null)
        {
            return transcoding.GetBytes(Encoding.UTF8.GetString(text));
        }

        if (!HasByteOrderMark)
        {
            return text.ToArray();
        }

        var bytes = new byte[text.Length + 3];
        bytes[0] = 0xEF;
        bytes[1] = 0xBB;
        bytes[2] = 0xBF;
        text.CopyTo(bytes.AsSpan(3));
        return bytes;
    }

    /// <summary>Encodes a string the way the original file was stored (declared encoding, BOM).</summary>
    public byte[] Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    private static int[] ComputeLineStarts(byte[] bytes)
    {
        var starts = new List<int>(bytes.Length / 32 + 1) { 0 };
        ReadOnlySpan<byte> span = bytes;
        int position = 0;
        while (true)
        {
            int index = span[position..].IndexOfAny((byte)'\r', (byte)'\n');
            if (index < 0)
            {
                break;
            }

            position += index;
            position += bytes[position] == '\r' && position + 1 < bytes.Length && bytes[position + 1] == '\n' ? 2 : 1;
            starts.Add(position);
        }

        return [.. starts];
    }
}
