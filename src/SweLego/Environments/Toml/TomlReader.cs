using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Syntax;
using Tomlyn.Text;
using TomlynException = Tomlyn.TomlException;

namespace SweLego.Environments.Toml;

/// <summary>
/// Reads TOML (pyproject.toml and friends) with the Tomlyn library and turns every error into a
/// <see cref="TomlException"/> whose message is <c>path:line:column: reason</c>.
/// </summary>
/// <remarks>
/// <para>
/// Tomlyn 2.x parses TOML 1.1, a superset of the TOML 1.0 that pip and setuptools read (Python's
/// <c>tomllib</c>). Beyond 1.0 it accepts: inline tables spanning several lines and ending in a
/// trailing comma, the <c>\xHH</c> and <c>\e</c> escapes in basic strings, and times and date-times
/// without seconds (<c>07:32</c> means <c>07:32:00</c>). Every valid 1.0 file reads the same, so for
/// pyproject.toml this only means we accept a few files pip would reject; the build then fails with
/// pip's own error. Tomlyn also wraps hexadecimal, octal and binary integers above 2^63-1 into
/// negative numbers instead of rejecting them, which pyproject.toml never uses. Multi-line strings
/// keep the file's line breaks (CRLF stays CRLF; the specification allows either).
/// </para>
/// <para>
/// Validity comes from Tomlyn's syntax parser with semantic validation (duplicate keys, tables
/// defined twice, inline tables extended), because Tomlyn's model reader silently keeps the last
/// of duplicate keys; only then does the model reader build the <see cref="TomlTable"/>. Nesting
/// deeper than 64 levels is rejected, so hostile input cannot overflow the stack.
/// </para>
/// </remarks>
public static class TomlReader
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="path"/> is only used in diagnostics.</summary>
    /// <exception cref="TomlException">The text is not valid TOML.</exception>
    public static TomlDocument Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return Parse(text, new TomlSerializerOptions { SourceName = path });
        }
        catch (ArgumentOutOfRangeException) when (!text.EndsWith('\n'))
        {
            // Tomlyn 2.10.2 throws this when the text ends inside an escape sequence (a = "\): it
            // formats its end-of-input marker as a character. With a final line break the same
            // text gives its positioned "string not closed" error at the end of the text; the
            // retry cannot succeed, as the string is still not closed.
            return Parse(text + "\n", new TomlSerializerOptions { SourceName = path });
        }
    }

    /// <summary>Reads and parses a file. I/O errors propagate as the usual <see cref="IOException"/>s.</summary>
    public static TomlDocument ParseFile(string path) => Parse(File.ReadAllText(path), path);

    private static TomlDocument Parse(string text, TomlSerializerOptions options)
    {
        var path = options.SourceName;
        try
        {
            var syntax = SyntaxParser.Parse(text, options, path, validate: true);
            if (syntax.HasErrors)
            {
                throw Error(path, syntax.Diagnostics);
            }

            return new TomlDocument(TomlSerializer.Deserialize<TomlTable>(text, options) ?? [], path);
        }
        catch (TomlynException error) when (error.Diagnostics.HasErrors)
        {
            throw Error(path, error.Diagnostics);
        }
        catch (TomlynException error)
        {
            var (line, column) = Locate(text, options);
            throw new TomlException(path, line, column, error.Message, error);
        }
    }

    /// <summary>The earliest error: later ones are mostly its consequences.</summary>
    private static TomlException Error(string? path, DiagnosticsBag diagnostics)
    {
        var first = diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error).MinBy(d => d.Span.Start.Offset)!;
        return new TomlException(path, first.Span.Start.Line + 1, first.Span.Start.Column + 1, first.Message);
    }

    /// <summary>
    /// Where an error Tomlyn raised without a position lies. The only such errors are nesting
    /// deeper than the limit, met by the syntax parser in arrays and inline tables, or by the model
    /// reader through table headers and dotted keys (the tables they imply carry no span).
    /// Tomlyn's event parser meets the same limit: it names the position of an array or inline
    /// table itself, and otherwise the error lies at the last key part it read.
    /// </summary>
    private static (int Line, int Column) Locate(string text, TomlSerializerOptions options)
    {
        var parser = TomlParser.Create(text, options);
        TomlSourceSpan? last = null;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current.Span ?? last;
            }

            // The event parser disagrees with the error: no position is better than a wrong one.
            return (0, 0);
        }
        catch (TomlynException error)
        {
            var at = error.Span ?? last;
            return at is { } span ? (span.Start.Line + 1, span.Start.Column + 1) : (0, 0);
        }
    }
}
