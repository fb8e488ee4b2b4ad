using System.Text;

namespace SweLego.Agent.Tools;

/// <summary>
/// A text file as the editor sees it and how to write it back. aci reads in Python's text mode:
/// the detected encoding, and universal newlines (<c>\r\n</c> and a lone <c>\r</c> read as <c>\n</c>).
/// Here the encoding is UTF-8 (a byte-order mark is kept aside and written back) or, for bytes that
/// are not UTF-8, Latin-1, which maps every byte to one character and back, so the parts of the file
/// an edit does not touch keep their bytes. Beyond aci, a file whose every newline is <c>\r\n</c>
/// is written back with <c>\r\n</c> (aci rewrites it with <c>\n</c>, which turns an edit into a
/// whole-file diff).
/// </summary>
internal sealed record EditorFile(string Text, bool ByteOrderMark, bool Latin1, bool CrLf)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Latin1Encoding = Encoding.Latin1;

    public static EditorFile Decode(byte[] bytes)
    {
        bool bom = bytes.AsSpan().StartsWith("\uFEFF"u8);
        ReadOnlySpan<byte> body = bom ? bytes.AsSpan(3) : bytes;
        string raw;
        bool latin1 = false;
        try
        {
            raw = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            raw = Latin1Encoding.GetString(body);
            latin1 = true;
        }

        int lineFeeds = raw.Count(c => c == '\n');
        bool crlf = lineFeeds > 0 && CountCrLf(raw) == lineFeeds;
        return new EditorFile(raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), bom, latin1, crlf);
    }

    /// <summary>The bytes of a new file (<c>create</c>): UTF-8, the text as given.</summary>
    public static byte[] EncodeNew(string text) => StrictUtf8.GetBytes(text);

    /// <summary>
    /// <paramref name="text"/> in this file's encoding and newline style; null when a character has no
    /// Latin-1 byte (the caller reports it as aci reports Python's encode error).
    /// </summary>
    public byte[]? Encode(string text)
    {
        if (CrLf) text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        if (Latin1 && text.Any(c => c > '\u00FF')) return null;
        byte[] body = Latin1 ? Latin1Encoding.GetBytes(text) : StrictUtf8.GetBytes(text);
        return ByteOrderMark ? [.. "\uFEFF"u8, .. body] : body;
    }

    private static int CountCrLf(string text)
    {
        int count = 0;
        for (int i = text.IndexOf("\r\n", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\r\n", i + 2, StringComparison.Ordinal)) count++;
        return count;
    }
}
