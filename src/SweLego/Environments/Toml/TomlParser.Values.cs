using System.Text;

namespace SweLego.Environments.Toml;

/// <summary>Values: dispatch, arrays, inline tables and the four kinds of strings.</summary>
internal sealed partial class TomlParser
{
    private TomlValue ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error(_pos, $"values are nested more than {MaxDepth} levels deep");
        }

        return Current switch
        {
            '"' when Peek(1) == '"' && Peek(2) == '"' => new TomlString(ParseMultiLineString('"')),
            '\'' when Peek(1) == '\'' && Peek(2) == '\'' => new TomlString(ParseMultiLineString('\'')),
            '"' => new TomlString(ParseBasicString()),
            '\'' => new TomlString(ParseLiteralString()),
            '[' => ParseArray(depth),
            '{' => ParseInlineTable(depth),
            _ => ParseScalar(),
        };
    }

    private TomlArray ParseArray(int depth)
    {
        var open = _pos++;
        var items = new List<TomlValue>();
        while (true)
        {
            SkipBlankLinesAndComments();
            if (AtEnd)
            {
                throw Error(open, "array is not closed with ']'");
            }

            if (Current == ']')
            {
                break;
            }

            items.Add(ParseValue(depth + 1));
            SkipBlankLinesAndComments();
            if (Current == ',')
            {
                _pos++;
                continue;
            }

            if (Current == ']')
            {
                break;
            }

            throw AtEnd
                ? Error(open, "array is not closed with ']'")
                : Error(_pos, $"expected ',' or ']' in the array, found {Describe(_pos)}");
        }

        _pos++;
        return new TomlArray(items);
    }

    /// <summary>Inside arrays, newlines and comments may appear between any two tokens.</summary>
    private void SkipBlankLinesAndComments()
    {
        while (true)
        {
            SkipWhitespace();
            if (Current == '#')
            {
                SkipComment();
            }

            if (Current == '\n')
            {
                _pos++;
            }
            else if (Current == '\r' && Peek(1) == '\n')
            {
                _pos += 2;
            }
            else
            {
                return;
            }
        }
    }

    private TomlTable ParseInlineTable(int depth)
    {
        _pos++;
        var table = new TableBuilder(TableOrigin.Inline);
        SkipWhitespace();
        if (Current == '}')
        {
            _pos++;
            return table.Freeze();
        }

        while (true)
        {
            ParseKeyValue(table, depth);
            SkipWhitespace();
            if (Current == '}')
            {
                _pos++;
                return table.Freeze();
            }

            if (Current != ',')
            {
                throw Error(_pos, AtEnd || Current is '\n' or '\r' or '#'
                    ? "inline table must be closed with '}' on the same line"
                    : $"expected ',' or '}}' in the inline table, found {Describe(_pos)}");
            }

            _pos++;
            SkipWhitespace();
            if (Current == '}')
            {
                throw Error(_pos, "a trailing comma is not allowed in an inline table");
            }
        }
    }

    private string ParseBasicString()
    {
        var open = _pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current == '\n' || (Current == '\r' && Peek(1) == '\n'))
            {
                throw Error(open, "string is not closed with '\"' on the same line");
            }

            var c = Current;
            if (c == '"')
            {
                _pos++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                ReadEscape(builder);
                continue;
            }

            AppendStringChar(builder, c);
        }
    }

    private string ParseLiteralString()
    {
        var open = _pos++;
        var start = _pos;
        while (Current != '\'')
        {
            if (AtEnd || Current == '\n' || (Current == '\r' && Peek(1) == '\n'))
            {
                throw Error(open, "literal string is not closed with \"'\" on the same line");
            }

            if (IsForbiddenControl(Current))
            {
                throw Error(_pos, $"{Describe(_pos)} is not allowed in a literal string");
            }

            _pos++;
        }

        return _text[start.._pos++];
    }

    /// <summary>Reads <c>"""…"""</c> (with escapes) or <c>'''…'''</c> (raw); line endings become <c>\n</c>.</summary>
    private string ParseMultiLineString(char quote)
    {
        var open = _pos;
        _pos += 3;
        // A newline right after the opening delimiter is trimmed, so content can start on the next line.
        SkipNewline();
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error(open, $"multi-line string is not closed with {new string(quote, 3)}");
            }

            var c = Current;
            if (c == quote)
            {
                var run = 0;
                while (Peek(run) == quote)
                {
                    run++;
                }

                // Up to two quotes may sit right before the closing delimiter and belong to the content.
                if (run >= 3)
                {
                    if (run > 5)
                    {
                        throw Error(_pos + 5, $"too many {quote} characters at the end of a multi-line string");
                    }

                    builder.Append(quote, run - 3);
                    _pos += run;
                    return builder.ToString();
                }

                builder.Append(quote, run);
                _pos += run;
            }
            else if (c == '\n')
            {
                builder.Append('\n');
                _pos++;
            }
            else if (c == '\r' && Peek(1) == '\n')
            {
                builder.Append('\n');
                _pos += 2;
            }
            else if (c == '\\' && quote == '"')
            {
                if (!TrySkipLineEndingBackslash())
                {
                    ReadEscape(builder);
                }
            }
            else
            {
                AppendStringChar(builder, c);
            }
        }
    }

    /// <summary>A backslash that ends a line removes it and all whitespace and newlines after it.</summary>
    private bool TrySkipLineEndingBackslash()
    {
        var i = _pos + 1;
        while (i < _text.Length && _text[i] is ' ' or '\t')
        {
            i++;
        }

        var atNewline = i < _text.Length && (_text[i] == '\n' || (_text[i] == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n'));
        if (!atNewline)
        {
            return false;
        }

        _pos = i;
        while (Current is ' ' or '\t' or '\n' || (Current == '\r' && Peek(1) == '\n'))
        {
            _pos++;
        }

        return true;
    }

    private void SkipNewline()
    {
        if (Current == '\n')
        {
            _pos++;
        }
        else if (Current == '\r' && Peek(1) == '\n')
        {
            _pos += 2;
        }
    }

    private void AppendStringChar(StringBuilder builder, char c)
    {
        if (IsForbiddenControl(c))
        {
            throw Error(_pos, $"{Describe(_pos)} must be escaped in a string");
        }

        builder.Append(c);
        _pos++;
    }

    private void ReadEscape(StringBuilder builder)
    {
        var start = _pos;
        _pos++;
        var c = Current;
        if (AtEnd)
        {
            throw Error(start, "incomplete escape sequence at the end of the input");
        }

        _pos++;
        switch (c)
        {
            case 'b': builder.Append('\b'); break;
            case 't': builder.Append('\t'); break;
            case 'n': builder.Append('\n'); break;
            case 'f': builder.Append('\f'); break;
            case 'r': builder.Append('\r'); break;
            case '"': builder.Append('"'); break;
            case '\\': builder.Append('\\'); break;
            case 'u': builder.Append(ReadCodePoint(start, 4)); break;
            case 'U': builder.Append(ReadCodePoint(start, 8)); break;
            default:
                throw Error(start, IsForbiddenControl(c) || c is '\n' or '\r'
                    ? "a backslash must be followed by an escape character"
                    : $"invalid escape sequence '\\{c}'");
        }
    }

    private string ReadCodePoint(int start, int digits)
    {
        long value = 0;
        for (var i = 0; i < digits; i++)
        {
            var digit = HexValue(Current);
            if (AtEnd || digit < 0)
            {
                throw Error(start, $"escape sequence '\\{_text[start + 1]}' needs {digits} hexadecimal digits");
            }

            value = (value * 16) + digit;
            _pos++;
        }

        if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            throw Error(start, $"escape sequence '{_text[start.._pos]}' is not a Unicode scalar value");
        }

        return char.ConvertFromUtf32((int)value);
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
