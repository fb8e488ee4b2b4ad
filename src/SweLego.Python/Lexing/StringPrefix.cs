namespace SweLego.Python.Lexing;

/// <summary>The letters before a string's opening quote (r, b, u, f and their legal pairs).</summary>
internal readonly record struct StringPrefix(bool IsValid, bool IsRaw, bool IsBytes, bool IsFormat)
{
    public static StringPrefix Parse(ReadOnlySpan<byte> letters)
    {
        bool raw = false, bytes = false, format = false, unicode = false;
        foreach (byte b in letters)
        {
            switch (b | 0x20)
            {
                case 'r' when !raw:
                    raw = true;
                    break;
                case 'b' when !bytes && !format:
                    bytes = true;
                    break;
                case 'f' when !format && !bytes:
                    format = true;
                    break;
                case 'u' when letters.Length == 1:
                    unicode = true;
                    break;
                default:
                    return default;
            }
        }

        return new StringPrefix(raw || bytes || format || unicode, raw, bytes, format);
    }
}
