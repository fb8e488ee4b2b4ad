namespace SweLego.Environments.Toml;

/// <summary>
/// Reads TOML 1.0 (pyproject.toml and friends). A small in-house reader because no TOML
/// package restores on the project's machines. Invalid input always ends in a
/// <see cref="TomlException"/> naming the file, line and column, never in another exception
/// type or a hang: nesting deeper than 128 levels is rejected, so hostile input cannot overflow
/// the stack.
/// </summary>
public static class TomlReader
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="path"/> is only used in diagnostics.</summary>
    /// <exception cref="TomlException">The text is not valid TOML 1.0.</exception>
    public static TomlDocument Parse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TomlDocument(new TomlParser(text, path).ParseDocument(), path);
    }

    /// <summary>Like <see cref="Parse"/>, but invalid input is reported as diagnostics instead of thrown.</summary>
    public static TomlParseResult TryParse(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return new TomlParseResult(Parse(text, path), []);
        }
        catch (TomlException error) when (error.Diagnostic is not null)
        {
            return new TomlParseResult(null, [error.Diagnostic]);
        }
    }

    /// <summary>Reads and parses a file. I/O errors propagate as the usual <see cref="IOException"/>s.</summary>
    public static TomlDocument ParseFile(string path) => Parse(File.ReadAllText(path), path);
}
