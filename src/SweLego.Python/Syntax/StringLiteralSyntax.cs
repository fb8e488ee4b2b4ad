namespace SweLego.Python.Syntax;

/// <summary>One string or several adjacent ones (implicitly concatenated); f-string parts are <see cref="FStringSyntax"/> children, plain parts are tokens.</summary>
public sealed class StringLiteralSyntax : ExpressionSyntax
{
    internal StringLiteralSyntax(FStringSyntax[] fStrings)
        : base(SyntaxKind.StringLiteral, fStrings)
    {
        FStrings = fStrings;
    }

    public IReadOnlyList<FStringSyntax> FStrings { get; }

    /// <summary>True when the parts are bytes literals.</summary>
    public bool IsBytes => StringLiterals.IsBytes(Module.Text.Utf8, Module.TokenArray[FirstToken]);

    /// <summary>True when any part is an f-string.</summary>
    public bool HasFormatting => FStrings.Count > 0;

    /// <summary>
    /// The value of a plain (non-f-string) literal with escapes processed, or null for f-strings and
    /// bytes. <c>\N{...}</c> escapes are kept verbatim (no Unicode name table).
    /// </summary>
    public string? Value => StringLiterals.Evaluate(this);
}
