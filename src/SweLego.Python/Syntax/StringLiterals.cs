using System.Globalization;
using System.Text;
using SweLego.Python.Lexing;

namespace SweLego.Python.Syntax;

/// <summary>Reads string literal tokens: prefix, body, escape checks and the cooked value.</summary>
internal static class StringLiterals
{
    public static bool IsBytes(ReadOnlySpan<byte> src, Token token)
    {
        for (int i = token.Start; i < token.End; i++)
        {
            byte b = src[i];
            if (b == '\'' || b == '"')
            {
                return false;
            }

            if ((b | 0x20) == 'b')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits a plain string token into prefix flags and body (between the quotes).</summary>
    public static (bool Raw, bool Bytes, int BodyStart, int BodyEnd) Parts(ReadOnlySpan<byte> src, Token token)
    {
        int p = token.Start;
        bool raw = false, bytes = false;
        while (p < token.End && src[p] != '\'' && src[p] != '"')
        {
            raw |= (src[p] | 0x20) == 'r';
            bytes |= (src[p] | 0x20) == 'b';
            p++;
        }

        if (p >= token.End)
        {
            return (raw, bytes, token.End, token.End);
        }

        byte q = src[p];
        int quotes = p + 2 < token.End && src[p + 1] == q && src[p + 2] == q && token.End - p >= 6 ? 3 : 1;
        int bodyStart = p + quotes;
        int bodyEnd = token.End;
        if (token.End - bodyStart >= quotes && src[token.End - 1] == q)
        {
            bodyEnd = token.End - quotes;
        }

        return (raw, bytes, bodyStart, Math.Max(bodyStart, bodyEnd));
    }

    /// <summary>The errors CPython raises while decoding a literal; null when it is fine.</summary>
    public static string? Validate(ReadOnlySpan<byte> src, Token token, out int offset)
    {
        offset = token.Start;
        var (raw, bytes, bodyStart, bodyEnd) = Parts(src, token);
        ReadOnlySpan<byte> body = src[bodyStart..bodyEnd];
        if (bytes)
        {
            for (int i = 0; i < body.Length; i++)
            {
                if (body[i] >= 0x80)
                {
                    offset = bodyStart + i;
                    return "bytes can only contain ASCII literal characters";
                }
            }
        }

        else if (InvalidUtf8(body, bodyStart, out offset) is { } utf8Error)
        {
            return utf8Error;
        }

        if (raw)
        {
            return null;
        }

        for (int i = body.IndexOf((byte)'\\'); i >= 0 && i + 1 < body.Length; )
        {
            byte next = body[i + 1];
            int length = 2;
            string? error = next switch
            {
                (byte)'x' => HexRun(body, i + 2, 2) ? null : "truncated \\xXX escape",
                (byte)'u' when !bytes => HexRun(body, i + 2, 4) ? null : "truncated \\uXXXX escape",
                (byte)'U' when !bytes => CheckLongEscape(body, i + 2),
                (byte)'N' when !bytes => CheckNamedEscape(body, i + 2, out length),
                _ => null,
            };
            if (error is not null)
            {
                offset = bodyStart + i;
                return bytes ? $"(value error) invalid \\x escape at position {i}" : $"(unicode error) 'unicodeescape' codec can't decode bytes in position {i}: {error}";
            }

            int nextBackslash = body[(i + length)..].IndexOf((byte)'\\');
            i = nextBackslash < 0 ? -1 : i + length + nextBackslash;
        }

        return null;
    }

    /// <summary>Undecodable UTF-8 in a literal's text (CPython decodes string tokens, not comments).</summary>
    public static string? InvalidUtf8(ReadOnlySpan<byte> text, int textStart, out int offset)
    {
        offset = textStart;
        if (System.Text.Unicode.Utf8.IsValid(text))
        {
            return null;
        }

        int i = 0;
        while (Rune.DecodeFromUtf8(text[i..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
        {
            i += consumed;
        }

        offset = textStart + i;
        return $"(unicode error) 'utf-8' codec can't decode byte 0x{text[i]:x2} in position {i}: invalid start byte";
    }

    private static bool HexRun(ReadOnlySpan<byte> body, int start, int count)
    {
        if (start + count > body.Length)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            if (!CharClass.IsHexDigit(body[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string? CheckLongEscape(ReadOnlySpan<byte> body, int start)
    {
        if (!HexRun(body, start, 8))
        {
            return "truncated \\UXXXXXXXX escape";
        }

        uint value = uint.Parse(Encoding.ASCII.GetString(body.Slice(start, 8)), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return value > 0x10FFFF ? "illegal Unicode character" : null;
    }

    private static string? CheckNamedEscape(ReadOnlySpan<byte> body, int start, out int length)
    {
        length = 2;
        if (start >= body.Length || body[start] != '{')
        {
            return "malformed \\N character escape";
        }

        int close = body[start..].IndexOf((byte)'}');
        if (close <= 1)
        {
            return "malformed \\N character escape";
        }

        length = 2 + close + 1;
        return null;
    }

    /// <summary>The value of a string literal made only of plain (non-f, non-bytes) parts.</summary>
    public static string? Evaluate(StringLiteralSyntax literal)
    {
        if (literal.HasFormatting)
        {
            return null;
        }

        var module = literal.Module;
        ReadOnlySpan<byte> src = module.Text.Utf8;
        var builder = new StringBuilder();
        for (int i = literal.FirstToken; i < literal.EndToken; i++)
        {
            var token = module.TokenArray[i];
            var (raw, bytes, bodyStart, bodyEnd) = Parts(src, token);
            if (bytes)
            {
                return null;
            }

            // CPython reads source with universal newlines, so the value never holds '\r'.
            string body = Encoding.UTF8.GetString(src[bodyStart..bodyEnd]).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            if (raw)
            {
                builder.Append(body);
            }
            else
            {
                Unescape(body, builder);
            }
        }

        return builder.ToString();
    }

    private static void Unescape(string body, StringBuilder builder)
    {
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                builder.Append(c);
                continue;
            }

            char next = body[++i];
            switch (next)
            {
                case '\n':
                    break;
                case '\\' or '\'' or '"':
                    builder.Append(next);
                    break;
                case 'a':
                    builder.Append('\a');
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'v':
                    builder.Append('\v');
                    break;
                case 'x' or 'u' or 'U':
                {
                    int digits = next == 'x' ? 2 : next == 'u' ? 4 : 8;
                    if (i + digits < body.Length
                        && long.TryParse(body.AsSpan(i + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long value)
                        && value <= 0x10FFFF)
                    {
                        builder.Append(char.ConvertFromUtf32(value is >= 0xD800 and <= 0xDFFF ? 0xFFFD : (int)value));
                        i += digits;
                    }
                    else
                    {
                        builder.Append('\\').Append(next);
                    }

                    break;
                }

                case >= '0' and <= '7':
                {
                    int value = next - '0';
                    int taken = 1;
                    while (taken < 3 && i + 1 < body.Length && body[i + 1] is >= '0' and <= '7')
                    {
                        value = value * 8 + (body[++i] - '0');
                        taken++;
                    }

                    builder.Append((char)value);
                    break;
                }

                default:
                    // Unknown escapes (and \N{...}, for want of a name table) stay as written.
                    builder.Append('\\').Append(next);
                    break;
            }
        }
    }
}
