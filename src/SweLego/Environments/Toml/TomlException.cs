namespace SweLego.Environments.Toml;

/// <summary>
/// A TOML text is invalid. <see cref="Exception.Message"/> is the compiler-style
/// <c>path:line:column: reason</c> that editors can jump to (<c>&lt;toml&gt;</c> for text that did not
/// come from a file); line and column are 1-based, columns count characters of the line.
/// </summary>
public sealed class TomlException : Exception
{
    public TomlException()
    {
    }

    public TomlException(string message)
        : base(message)
    {
    }

    public TomlException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public TomlException(string? path, int line, int column, string reason, Exception? innerException = null)
        : base($"{path ?? "<toml>"}:{line}:{column}: {reason}", innerException)
    {
        FilePath = path;
        Line = line;
        Column = column;
        Reason = reason;
    }

    public string? FilePath { get; }

    /// <summary>1-based line of the error, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string? Reason { get; }
}
