namespace SweLego.Environments.Toml;

/// <summary>
/// Recursive descent straight over the text. Config files are small, so the parser favors exact
/// error positions over speed: there is no token stream, and every error names the offset where
/// the input stopped making sense. This part reads the document structure: lines, keys, headers
/// and the redefinition rules.
/// </summary>
internal sealed partial class TomlParser(string text, string? path)
{
    // Bounds recursion (nested arrays and inline tables, long dotted keys) so hostile input fails
    // with a TomlException instead of a StackOverflowException, which no caller can catch.
    internal const int MaxDepth = 128;

    private readonly string _text = text;
    private readonly TableBuilder _root = new(TableOrigin.Header);
    private int _pos;

    private bool AtEnd => _pos >= _text.Length;

    // '\0' past the end is safe: every check that could match it also checks AtEnd or rejects it.
    private char Current => _pos < _text.Length ? _text[_pos] : '\0';

    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    public TomlTable ParseDocument()
    {
        if (_text.StartsWith('\uFEFF'))
        {
            _pos = 1;
        }

        var table = _root;
        var depth = 0;
        while (true)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                break;
            }

            if (Current == '[')
            {
                (table, depth) = ParseHeader();
            }
            else if (Current is not ('#' or '\n' or '\r'))
            {
                ParseKeyValue(table, depth);
            }

            ExpectEndOfLine();
        }

        return _root.Freeze();
    }

    private (TableBuilder Table, int Depth) ParseHeader()
    {
        var isArray = Peek(1) == '[';
        _pos += isArray ? 2 : 1;
        var key = ParseKey();
        if (Current != ']' || (isArray && Peek(1) != ']'))
        {
            var at = Current == ']' ? _pos + 1 : _pos;
            throw Error(at, isArray
                ? $"expected ']]' to close the array-of-tables header, found {Describe(at)}"
                : $"expected ']' to close the table header, found {Describe(at)}");
        }

        _pos += isArray ? 2 : 1;
        return (isArray ? OpenArrayTable(key) : OpenTable(key), key.Count);
    }

    private TableBuilder OpenTable(List<KeySegment> key)
    {
        var parent = OpenParents(key);
        var last = key[^1];
        var name = FormatKey(key);
        if (!parent.Entries.TryGetValue(last.Name, out var existing))
        {
            var created = new TableBuilder(TableOrigin.Header);
            parent.Add(last.Name, created, last.Offset);
            return created;
        }

        if (existing is TableBuilder { Origin: TableOrigin.Implicit } table)
        {
            table.Origin = TableOrigin.Header;
            return table;
        }

        var reason = existing switch
        {
            TableBuilder { Origin: TableOrigin.Dotted } => $"table [{name}] is already defined by dotted keys",
            TableBuilder => $"table [{name}] is defined twice",
            _ => $"cannot define table [{name}]: the key is already {TableBuilder.Describe(existing)}",
        };
        throw Error(last.Offset, reason + FirstDefined(parent, last.Name));
    }

    private TableBuilder OpenArrayTable(List<KeySegment> key)
    {
        var parent = OpenParents(key);
        var last = key[^1];
        if (!parent.Entries.TryGetValue(last.Name, out var existing))
        {
            existing = new List<TableBuilder>();
            parent.Add(last.Name, existing, last.Offset);
        }

        if (existing is not List<TableBuilder> tables)
        {
            throw Error(last.Offset, $"cannot define array of tables [[{FormatKey(key)}]]: the key is already {TableBuilder.Describe(existing)}"
                + FirstDefined(parent, last.Name));
        }

        var element = new TableBuilder(TableOrigin.Header);
        tables.Add(element);
        return element;
    }

    /// <summary>Walks a header's parent keys, creating implicit tables and entering the newest element of arrays of tables.</summary>
    private TableBuilder OpenParents(List<KeySegment> key)
    {
        var table = _root;
        for (var i = 0; i < key.Count - 1; i++)
        {
            var segment = key[i];
            if (!table.Entries.TryGetValue(segment.Name, out var existing))
            {
                var created = new TableBuilder(TableOrigin.Implicit);
                table.Add(segment.Name, created, segment.Offset);
                table = created;
                continue;
            }

            table = existing switch
            {
                TableBuilder child => child,
                List<TableBuilder> tables => tables[^1],
                _ => throw Error(segment.Offset, $"cannot use {FormatKey(key, i + 1)} as a table: it is already {TableBuilder.Describe(existing)}"
                    + FirstDefined(table, segment.Name)),
            };
        }

        return table;
    }

    /// <summary>Reads <c>key = value</c> into <paramref name="table"/>, which sits <paramref name="depth"/> levels below the root.</summary>
    private void ParseKeyValue(TableBuilder table, int depth)
    {
        var key = ParseKey();
        if (Current != '=')
        {
            throw Error(_pos, $"expected '=' after key {FormatKey(key)}, found {Describe(_pos)}");
        }

        _pos++;
        SkipWhitespace();
        var target = OpenDottedParents(table, key);
        var last = key[^1];
        if (target.Entries.TryGetValue(last.Name, out var existing))
        {
            throw Error(last.Offset, $"duplicate key {FormatKey(key)}: it is already {TableBuilder.Describe(existing)}" + FirstDefined(target, last.Name));
        }

        var value = ParseValue(depth + key.Count);
        target.Add(last.Name, value, last.Offset);
    }

    private TableBuilder OpenDottedParents(TableBuilder table, List<KeySegment> key)
    {
        for (var i = 0; i < key.Count - 1; i++)
        {
            var segment = key[i];
            if (!table.Entries.TryGetValue(segment.Name, out var existing))
            {
                var created = new TableBuilder(TableOrigin.Dotted);
                table.Add(segment.Name, created, segment.Offset);
                table = created;
                continue;
            }

            if (existing is TableBuilder { Origin: TableOrigin.Dotted or TableOrigin.Implicit } child)
            {
                // Once dotted keys put values in it, the table counts as defined: a later [header] for it is a redefinition.
                child.Origin = TableOrigin.Dotted;
                table = child;
                continue;
            }

            var name = FormatKey(key, i + 1);
            var reason = existing switch
            {
                TableBuilder => $"cannot add to table {name} with dotted keys: it is defined by its own [header]",
                TomlTable => $"cannot add to inline table {name}: inline tables are complete when they close",
                _ => $"cannot use {name} as a table: it is already {TableBuilder.Describe(existing)}",
            };
            throw Error(segment.Offset, reason + FirstDefined(table, segment.Name));
        }

        return table;
    }

    private List<KeySegment> ParseKey()
    {
        var segments = new List<KeySegment>();
        while (true)
        {
            SkipWhitespace();
            var offset = _pos;
            string name;
            if (Current is '"' or '\'')
            {
                if (Peek(1) == Current && Peek(2) == Current)
                {
                    throw Error(offset, "a multi-line string cannot be used as a key");
                }

                name = Current == '"' ? ParseBasicString() : ParseLiteralString();
            }
            else
            {
                while (TomlFormat.IsBareKeyChar(Current))
                {
                    _pos++;
                }

                if (_pos == offset)
                {
                    throw Error(offset, $"expected a key, found {Describe(offset)}");
                }

                name = _text[offset.._pos];
            }

            segments.Add(new KeySegment(name, offset));
            if (segments.Count > MaxDepth)
            {
                throw Error(offset, $"key has more than {MaxDepth} dotted parts");
            }

            SkipWhitespace();
            if (Current != '.')
            {
                return segments;
            }

            _pos++;
        }
    }

    private void SkipWhitespace()
    {
        while (Current is ' ' or '\t')
        {
            _pos++;
        }
    }

    private void SkipComment()
    {
        _pos++;
        while (!AtEnd && Current != '\n')
        {
            if (Current == '\r' && Peek(1) == '\n')
            {
                return;
            }

            if (IsForbiddenControl(Current))
            {
                throw Error(_pos, $"{Describe(_pos)} is not allowed in a comment");
            }

            _pos++;
        }
    }

    private void ExpectEndOfLine()
    {
        SkipWhitespace();
        if (Current == '#')
        {
            SkipComment();
        }

        if (AtEnd)
        {
            return;
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
            throw Error(_pos, $"expected the end of the line, found {Describe(_pos)}");
        }
    }

    /// <summary>Tab is the only control character TOML allows in comments and strings; a lone CR is not a line ending.</summary>
    private static bool IsForbiddenControl(char c) => (c < ' ' && c != '\t') || c == '\x7F';

    private string Describe(int offset)
    {
        if (offset >= _text.Length)
        {
            return "the end of the input";
        }

        var c = _text[offset];
        return c switch
        {
            '\n' => "the end of the line",
            '\r' when offset + 1 < _text.Length && _text[offset + 1] == '\n' => "the end of the line",
            _ when IsForbiddenControl(c) => $"control character U+{(int)c:X4}",
            _ => $"'{c}'",
        };
    }

    private static string FormatKey(List<KeySegment> key, int count = -1) =>
        string.Join('.', key.Take(count < 0 ? key.Count : count).Select(s => TomlFormat.Key(s.Name)));

    private string FirstDefined(TableBuilder table, string key) =>
        table.Offsets.TryGetValue(key, out var offset) ? $" (first defined at line {Locate(offset).Line})" : "";

    private (int Line, int Column) Locate(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private TomlException Error(int offset, string message)
    {
        var (line, column) = Locate(offset);
        return new TomlException(new TomlDiagnostic(message, path, line, column, Math.Clamp(offset, 0, _text.Length)));
    }

    private readonly record struct KeySegment(string Name, int Offset);
}
