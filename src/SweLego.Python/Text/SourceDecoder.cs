using System.Text;

namespace SweLego.Python.Text;

/// <summary>
/// Turns file bytes into the UTF-8 text CPython tokenizes: strips a UTF-8 BOM, honours a PEP 263
/// coding declaration on the first two lines, and keeps enough to give the exact bytes back.
/// </summary>
internal static class SourceDecoder
{
    public static SourceText Decode(ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        var text = DecodeText(bytes, diagnostics);
        int nul = text.Utf8.IndexOf((byte)0);
        if (nul >= 0)
        {
            // CPython refuses the whole source, even when the NUL is in a comment or string.
            diagnostics.Add(nul, "source code string cannot contain null bytes");
        }

        return text;
    }

    private static SourceText DecodeText(ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        ReadOnlySpan<byte> body = bom ? bytes[3..] : bytes;
        string? declared = FindCodingSpec(body, out int specOffset);
        if (declared is null)
        {
            // Without a declaration CPython does not decode up front: bad UTF-8 only matters
            // inside tokens (strings, names), never in comments.
            return new SourceText(body.ToArray(), "utf-8", bom, null);
        }

        string normal = NormalName(declared);
        if (bom && normal != "utf-8")
        {
            diagnostics.Add(specOffset, $"encoding problem: {declared} with BOM");
            return new SourceText(body.ToArray(), "utf-8", bom, null);
        }

        if (normal == "utf-8")
        {
            return new SourceText(body.ToArray(), normal, bom, null);
        }

        Encoding? encoding = normal == "iso-8859-1" ? Latin1() : null;
        if (encoding is null)
        {
            if (!PythonCodecs.TryLookup(normal, out encoding))
            {
                diagnostics.Add(specOffset, $"unknown encoding: {declared}");
                return new SourceText(body.ToArray(), normal, bom, null);
            }

            if (encoding is null)
            {
                diagnostics.Add(specOffset, $"unsupported encoding: {declared}");
                return new SourceText(body.ToArray(), normal, bom, null);
            }
        }

        if (encoding is UTF8Encoding)
        {
            // A spelling get_normal_name does not fold ("utf8") goes through the codec, which
            // checks the whole file.
            if (!System.Text.Unicode.Utf8.IsValid(body))
            {
                int index = FirstInvalidUtf8(body);
                diagnostics.Add(index, $"'utf-8' codec can't decode byte 0x{body[index]:x2} in position {index}");
            }

            return new SourceText(body.ToArray(), normal, bom, null);
        }

        int undefined = PythonCodecs.FindUndefinedByte(encoding.CodePage, body);
        if (undefined >= 0)
        {
            diagnostics.Add(0, $"'{normal}' codec can't decode byte 0x{body[undefined]:x2} in position {undefined}: character maps to <undefined>");
            return new SourceText(body.ToArray(), normal, bom, null);
        }

        try
        {
            string decoded = encoding.GetString(body);
            return new SourceText(System.Text.Encoding.UTF8.GetBytes(decoded), normal, bom, encoding);
        }
        catch (DecoderFallbackException e)
        {
            diagnostics.Add(0, $"'{normal}' codec can't decode byte at position {e.Index}");
            return new SourceText(body.ToArray(), normal, bom, null);
        }
    }

    private static Encoding Latin1()
    {
        var strict = (Encoding)System.Text.Encoding.Latin1.Clone();
        strict.EncoderFallback = EncoderFallback.ExceptionFallback;
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        return strict;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        int i = 0;
        while (i < body.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(body[i..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return 0;
    }

    /// <summary>CPython's check_coding_spec over the first two lines (split on '\n' like the C code).</summary>
    internal static string? FindCodingSpec(ReadOnlySpan<byte> body, out int offset)
    {
        offset = 0;
        int lineStart = 0;
        for (int lineNumber = 0; lineNumber < 2 && lineStart <= body.Length; lineNumber++)
        {
            int newline = body[lineStart..].IndexOf((byte)'\n');
            int lineEnd = newline < 0 ? body.Length : lineStart + newline;
            ReadOnlySpan<byte> line = body[lineStart..lineEnd];
            string? spec = GetCodingSpec(line, out int specIndex);
            if (spec is not null)
            {
                offset = lineStart + specIndex;
                return spec;
            }

            if (!IsBlankOrComment(line) || newline < 0)
            {
                return null;
            }

            lineStart = lineEnd + 1;
        }

        return null;
    }

    private static bool IsBlankOrComment(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (b == '#' || b == '\r')
            {
                return true;
            }

            if (b != ' ' && b != '\t' && b != '\f')
            {
                return false;
            }
        }

        return true;
    }

    private static string? GetCodingSpec(ReadOnlySpan<byte> line, out int index)
    {
        index = 0;
        int size = line.Length;

        // The declaration must sit in a comment that is alone on its line.
        for (int i = 0; i < size - 6; i++)
        {
            if (line[i] == '#')
            {
                break;
            }

            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\f')
            {
                return null;
            }
        }

        for (int i = 0; i < size - 6; i++)
        {
            if (!line[i..].StartsWith("coding"u8))
            {
                continue;
            }

            int t = i + 6;
            if (line[t] != ':' && line[t] != '=')
            {
                continue;
            }

            do
            {
                t++;
            }
            while (t < size && (line[t] == ' ' || line[t] == '\t'));

            int begin = t;
            while (t < size && (char.IsAsciiLetterOrDigit((char)line[t]) || line[t] == '-' || line[t] == '_' || line[t] == '.'))
            {
                t++;
            }

            if (begin < t)
            {
                index = begin;
                return System.Text.Encoding.ASCII.GetString(line[begin..t]);
            }
        }

        return null;
    }

    /// <summary>CPython's get_normal_name: folds the spellings of utf-8 and latin-1 it special-cases.</summary>
    internal static string NormalName(string spec)
    {
        var buffer = new StringBuilder(12);
        for (int i = 0; i < spec.Length && i < 12; i++)
        {
            char c = spec[i];
            buffer.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
        }

        string b = buffer.ToString();
        if (b == "utf-8" || b.StartsWith("utf-8-", StringComparison.Ordinal))
        {
            return "utf-8";
        }

        if (b is "latin-1" or "iso-8859-1" or "iso-latin-1"
            || b.StartsWith("latin-1-", StringComparison.Ordinal)
            || b.StartsWith("iso-8859-1-", StringComparison.Ordinal)
            || b.StartsWith("iso-latin-1-", StringComparison.Ordinal))
        {
            return "iso-8859-1";
        }

        return spec;
    }
}
