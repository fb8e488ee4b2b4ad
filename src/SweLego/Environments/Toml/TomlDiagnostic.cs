namespace SweLego.Environments.Toml;

/// <summary>
/// Why a TOML text is invalid and where: <paramref name="Line"/> and <paramref name="Column"/> are
/// 1-based (columns count UTF-16 characters), <paramref name="Offset"/> is 0-based into the text.
/// </summary>
public sealed record TomlDiagnostic(string Message, string? Path, int Line, int Column, int Offset)
{
    /// <summary>The compiler-style form <c>path:line:column: message</c> that editors can jump to.</summary>
    public override string ToString() => $"{Path ?? "<toml>"}:{Line}:{Column}: {Message}";
}
