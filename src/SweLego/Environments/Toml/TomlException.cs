namespace SweLego.Environments.Toml;

/// <summary>
/// A TOML text is invalid. <see cref="Exception.Message"/> is <c>path:line:column: reason</c>;
/// <see cref="Diagnostic"/> carries the same facts as data.
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

    public TomlException(TomlDiagnostic diagnostic)
        : base(diagnostic?.ToString())
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Diagnostic = diagnostic;
    }

    /// <summary>Where and why parsing failed; null only for exceptions built with a bare message.</summary>
    public TomlDiagnostic? Diagnostic { get; }

    public string? FilePath => Diagnostic?.Path;

    /// <summary>1-based line of the error, or 0 when unknown.</summary>
    public int Line => Diagnostic?.Line ?? 0;

    /// <summary>1-based column of the error, or 0 when unknown.</summary>
    public int Column => Diagnostic?.Column ?? 0;
}
