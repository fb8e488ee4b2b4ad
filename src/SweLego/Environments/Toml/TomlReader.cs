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
/// Tomlyn's model reader builds the <see cref="TomlTable"/> and stops at the first syntax error with
/// its position; it keeps the last of duplicate keys without a word, so Tomlyn's syntax parser then
/// validates the text (duplicate keys, tables defined twice, inline tables extended). Nesting deeper
/// than 64 levels is rejected, so hostile input cannot overflow the stack.
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
        TomlTable root;
        try
        {
            root = TomlSerializer.Deserialize<TomlTable>(text, options) ?? [];
        }
        catch (TomlynException error) when (error.Diagnostics.HasErrors)
        {
            throw Error(options.SourceName, error.Diagnostics[0]);
        }
        catch (TomlynException error)
        {
            throw Redefinition(text, options) ?? Locate(text, options, error);
        }

        return Redefinition(text, options) is { } redefinition ? throw redefinition : new TomlDocument(root, options.SourceName);
    }

    /// <summary>Tomlyn's reason on one line: it quotes the offending character, which may be a line break.</summary>
    private static TomlException Error(string? path, DiagnosticMessage diagnostic) =>
        new(path, diagnostic.Span.Start.Line + 1, diagnostic.Span.Start.Column + 1, diagnostic.Message.ReplaceLineEndings("␤"));

    /// <summary>
    /// The first key or table defined twice, which Tomlyn's model reader lets pass (the last
    /// value wins), found by its syntax parser's semantic validation; null when there is none.
    /// </summary>
    private static TomlException? Redefinition(string text, TomlSerializerOptions options)
    {
        DocumentSyntax syntax;
        try
        {
            syntax = SyntaxParser.Parse(text, options, options.SourceName, validate: true);
        }
        catch (TomlynException)
        {
            // Nesting beyond the limit, which the model reader met first unless it failed
            // earlier in the text; that earlier error is the one reported.
            return null;
        }

        return syntax.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error) is { } first ? Error(options.SourceName, first) : null;
    }

    /// <summary>
    /// Places an error Tomlyn's model reader raised without a position: nesting deeper than the
    /// limit reached through table headers and dotted keys (the tables they imply carry no span).
    /// Tomlyn's event parser meets the same limit one key part later than the last span it
    /// read, or, in arrays and inline tables, names the position itself.
    /// </summary>
    private static TomlException Locate(string text, TomlSerializerOptions options, TomlynException error)
    {
        var parser = TomlParser.Create(text, options);
        TomlSourceSpan? last = null;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current.Span ?? last;
            }

            // The event parser found nothing: no position is better than a wrong one.
            return new TomlException(options.SourceName, 0, 0, error.Message, error);
        }
        catch (TomlynException located) when (located.Diagnostics.HasErrors)
        {
            return Error(options.SourceName, located.Diagnostics[0]);
        }
        catch (TomlynException)
        {
            return last is { } span
                ? new TomlException(options.SourceName, span.Start.Line + 1, span.Start.Column + 1, error.Message, error)
                : new TomlException(options.SourceName, 0, 0, error.Message, error);
        }
    }
}
