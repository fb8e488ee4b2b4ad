using System.Buffers;
using SweLego.Python.Syntax;

namespace SweLego.Python.Lexing;

internal sealed partial class Tokenizer
{
    private static readonly SearchValues<byte> SingleQuoteStops = SearchValues.Create("'\\\n\r"u8);
    private static readonly SearchValues<byte> DoubleQuoteStops = SearchValues.Create("\"\\\n\r"u8);

    private void ScanString(int start, int quoteAt, StringPrefix prefix)
    {
        byte q = src[quoteAt];
        bool triple = quoteAt + 2 < end && src[quoteAt + 1] == q && src[quoteAt + 2] == q;
        int bodyStart = quoteAt + (triple ? 3 : 1);
        if (prefix.IsFormat)
        {
            EmitToken(TokenKind.FStringStart, start, bodyStart);
            pos = bodyStart;
            PushFrame(FrameKind.Literal, new FStringFrame { Quote = q, Triple = triple, Raw = prefix.IsRaw, Start = start });
            return;
        }

        int p = bodyStart;
        if (triple)
        {
            while (true)
            {
                int index = src.AsSpan(p, end - p).IndexOfAny(q, (byte)'\\');
                if (index < 0)
                {
                    p = end;
                    diagnostics.Add(start, $"unterminated triple-quoted string literal (detected at line {LineAt(end)})");
                    break;
                }

                p += index;
                if (src[p] == '\\')
                {
                    p = Math.Min(p + 2, end);
                }
                else if (p + 2 < end && src[p + 1] == q && src[p + 2] == q)
                {
                    p += 3;
                    break;
                }
                else
                {
                    p++;
                }
            }
        }
        else
        {
            SearchValues<byte> stops = q == '"' ? DoubleQuoteStops : SingleQuoteStops;
            while (true)
            {
                int index = src.AsSpan(p, end - p).IndexOfAny(stops);
                if (index < 0)
                {
                    p = end;
                    diagnostics.Add(start, $"unterminated string literal (detected at line {LineAt(end)})");
                    break;
                }

                p += index;
                byte b = src[p];
                if (b == q)
                {
                    p++;
                    break;
                }

                if (b == '\\')
                {
                    p = p + 1 >= end ? end : SkipNewlineChars(p + 1);
                    continue;
                }

                diagnostics.Add(start, $"unterminated string literal (detected at line {LineAt(p)})");
                break;
            }
        }

        EmitToken(TokenKind.StringLiteral, start, p);
        pos = p;
    }

    private void ScanNumber(int start)
    {
        int p = start;
        string? error;
        int c = At(p);
        if (c == '.')
        {
            error = ScanFloatRest(ref p);
        }
        else if (c != '0')
        {
            error = DecimalTail(ref p) ?? ScanFloatRest(ref p);
        }
        else
        {
            p++;
            c = At(p);
            if (c is 'x' or 'X')
            {
                p++;
                error = RadixDigits(ref p, 16, "hexadecimal");
            }
            else if (c is 'o' or 'O')
            {
                p++;
                error = RadixDigits(ref p, 8, "octal");
            }
            else if (c is 'b' or 'B')
            {
                p++;
                error = RadixDigits(ref p, 2, "binary");
            }
            else
            {
                error = ScanZeroPrefixed(ref p);
            }
        }

        if (error is not null)
        {
            diagnostics.Add(start, error);

            // Swallow the rest of the malformed literal so one typo gives one diagnostic.
            while (CharClass.IsPotentialIdentifierChar(At(p)))
            {
                p++;
            }
        }

        EmitToken(TokenKind.NumberLiteral, start, p);
        pos = p;
    }

    // After a leading '0': more zeros (old-style octal like 0777 is an error), or a float.
    private string? ScanZeroPrefixed(ref int p)
    {
        bool nonzero = false;
        int c = At(p);
        while (true)
        {
            if (c == '_')
            {
                p++;
                c = At(p);
                if (!CharClass.IsDigit(c))
                {
                    return "invalid decimal literal";
                }
            }

            if (c != '0')
            {
                break;
            }

            p++;
            c = At(p);
        }

        if (CharClass.IsDigit(c))
        {
            nonzero = true;
            string? error = DecimalTail(ref p);
            if (error is not null)
            {
                return error;
            }

            c = At(p);
        }

        if (c is '.' or 'e' or 'E' or 'j' or 'J')
        {
            return ScanFloatRest(ref p);
        }

        return nonzero
            ? "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
            : VerifyEndOfNumber(p, "decimal");
    }

    private string? DecimalTail(ref int p)
    {
        while (true)
        {
            while (CharClass.IsDigit(At(p)))
            {
                p++;
            }

            if (At(p) != '_')
            {
                return null;
            }

            p++;
            if (!CharClass.IsDigit(At(p)))
            {
                return "invalid decimal literal";
            }
        }
    }

    // The part of a decimal literal after its integer digits: [.digits] [e[+-]digits] [j].
    private string? ScanFloatRest(ref int p)
    {
        int c = At(p);
        if (c == '.')
        {
            p++;
            if (CharClass.IsDigit(At(p)))
            {
                string? error = DecimalTail(ref p);
                if (error is not null)
                {
                    return error;
                }
            }

            c = At(p);
        }

        if (c is 'e' or 'E')
        {
            int exponentAt = p;
            p++;
            c = At(p);
            if (c is '+' or '-')
            {
                p++;
                if (!CharClass.IsDigit(At(p)))
                {
                    return "invalid decimal literal";
                }
            }
            else if (!CharClass.IsDigit(c))
            {
                // "1else": the 'e' begins a keyword, not an exponent.
                p = exponentAt;
                return VerifyEndOfNumber(p, "decimal");
            }

            string? error = DecimalTail(ref p);
            if (error is not null)
            {
                return error;
            }

            c = At(p);
        }

        if (c is 'j' or 'J')
        {
            p++;
            return VerifyEndOfNumber(p, "imaginary");
        }

        return VerifyEndOfNumber(p, "decimal");
    }

    private string? RadixDigits(ref int p, int radix, string name)
    {
        int c = At(p);
        do
        {
            if (c == '_')
            {
                p++;
                c = At(p);
            }

            if (!IsRadixDigit(c, radix))
            {
                return radix < 10 && CharClass.IsDigit(c)
                    ? $"invalid digit '{(char)c}' in {name} literal"
                    : $"invalid {name} literal";
            }

            do
            {
                p++;
                c = At(p);
            }
            while (IsRadixDigit(c, radix));
        }
        while (c == '_');

        if (radix < 10 && CharClass.IsDigit(c))
        {
            return $"invalid digit '{(char)c}' in {name} literal";
        }

        return VerifyEndOfNumber(p, name);
    }

    private static bool IsRadixDigit(int c, int radix) => radix switch
    {
        16 => CharClass.IsHexDigit(c),
        8 => c is >= '0' and <= '7',
        _ => c is '0' or '1',
    };

    /// <summary>
    /// CPython's verify_end_of_number: a literal glued to one of the keywords that can follow a
    /// number ("1if x else 2") is only deprecated; glued to any other name it is an error.
    /// </summary>
    private string? VerifyEndOfNumber(int p, string kind)
    {
        int c = At(p);
        bool keyword = c switch
        {
            'a' => Follows(p + 1, "nd"u8),
            'e' => Follows(p + 1, "lse"u8),
            'f' => Follows(p + 1, "or"u8),
            'i' => At(p + 1) is 'f' or 'n' or 's',
            'o' => Follows(p + 1, "r"u8),
            'n' => Follows(p + 1, "ot"u8),
            _ => false,
        };
        return !keyword && CharClass.IsPotentialIdentifierChar(c) ? $"invalid {kind} literal" : null;
    }

    private bool Follows(int p, ReadOnlySpan<byte> word) => src.AsSpan(p, end - p).StartsWith(word);
}
