using System.Text;

namespace SweLego.Sandboxes.Shell;

/// <summary>
/// Keeps what the observation needs of a command's output in bounded memory: the first and
/// the last <see cref="KeepBytes"/> bytes plus the total count, whatever the command prints.
/// Truncation follows the OpenHands rule: more than 30,000 characters keeps the first and
/// last 15,000 with a marker between.
/// </summary>
internal sealed class OutputCapture
{
    public const int MaxChars = 30_000;
    public const string TruncationMarker = "\n[... Observation truncated due to length ...]\n";
    private const int HalfChars = MaxChars / 2;

    // 4 bytes per character at most, so these always hold 15,000 characters.
    private const int KeepBytes = HalfChars * 4;

    // Allocated as needed: most commands print a few bytes, and a capture is made per command.
    private byte[] _head = [];
    private byte[]? _tail;
    private int _headLength;
    private int _tailStart;
    private int _tailLength;

    public long TotalBytes { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        TotalBytes += data.Length;
        if (_headLength < KeepBytes)
        {
            int take = Math.Min(data.Length, KeepBytes - _headLength);
            if (_headLength + take > _head.Length)
                Array.Resize(ref _head, Math.Min(KeepBytes, Math.Max(_headLength + take, Math.Max(256, _head.Length * 2))));
            data[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
            data = data[take..];
        }

        if (data.IsEmpty) return;
        _tail ??= new byte[KeepBytes];
        if (data.Length >= KeepBytes)
        {
            data[^KeepBytes..].CopyTo(_tail);
            _tailStart = 0;
            _tailLength = KeepBytes;
            return;
        }

        // A ring of the last KeepBytes bytes, filled with block copies (a byte loop costs seconds
        // for gigabytes of output arriving in small reads).
        int end = (_tailStart + _tailLength) % KeepBytes;
        int first = Math.Min(data.Length, KeepBytes - end);
        data[..first].CopyTo(_tail.AsSpan(end));
        data[first..].CopyTo(_tail);
        int overflow = _tailLength + data.Length - KeepBytes;
        if (overflow > 0)
        {
            _tailStart = (_tailStart + overflow) % KeepBytes;
            _tailLength = KeepBytes;
        }
        else
        {
            _tailLength += data.Length;
        }
    }

    /// <summary>Decodes the output (invalid UTF-8 becomes U+FFFD) and applies the truncation rule.</summary>
    public (string Text, bool Truncated) ToText()
    {
        byte[] tail = TailBytes();
        bool dropped = TotalBytes > _headLength + tail.Length;
        if (!dropped)
        {
            string whole = Encoding.UTF8.GetString([.. _head.AsSpan(0, _headLength), .. tail]);
            if (CountRunes(whole) <= MaxChars) return (whole, false);
            return (FirstRunes(whole, HalfChars) + TruncationMarker + LastRunes(whole, HalfChars), true);
        }

        // Bytes in the middle were never kept; the tail may start inside a UTF-8 sequence.
        int skip = 0;
        while (skip < tail.Length && skip < 3 && (tail[skip] & 0xC0) == 0x80) skip++;
        string head = Encoding.UTF8.GetString(_head, 0, _headLength);
        string last = Encoding.UTF8.GetString(tail, skip, tail.Length - skip);
        return (FirstRunes(head, HalfChars) + TruncationMarker + LastRunes(last, HalfChars), true);
    }

    private byte[] TailBytes()
    {
        if (_tail is null) return [];
        var bytes = new byte[_tailLength];
        int first = Math.Min(_tailLength, KeepBytes - _tailStart);
        Array.Copy(_tail, _tailStart, bytes, 0, first);
        Array.Copy(_tail, 0, bytes, first, _tailLength - first);
        return bytes;
    }

    private static int CountRunes(string text)
    {
        int count = 0;
        foreach (Rune _ in text.EnumerateRunes()) count++;
        return count;
    }

    private static string FirstRunes(string text, int runes)
    {
        int index = 0;
        for (int n = 0; n < runes && index < text.Length; n++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        return text[..index];
    }

    private static string LastRunes(string text, int runes)
    {
        int index = text.Length;
        for (int n = 0; n < runes && index > 0; n++)
            index -= index >= 2 && char.IsLowSurrogate(text[index - 1]) && char.IsHighSurrogate(text[index - 2]) ? 2 : 1;
        return text[index..];
    }
}
