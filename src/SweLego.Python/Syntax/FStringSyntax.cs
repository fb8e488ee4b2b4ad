namespace SweLego.Python.Syntax;

/// <summary>An f-string: FSTRING_START, literal parts (tokens) and replacement fields, FSTRING_END.</summary>
public sealed class FStringSyntax : SyntaxNode
{
    internal FStringSyntax(FStringReplacementFieldSyntax[] fields)
        : base(SyntaxKind.FString, fields)
    {
        Fields = fields;
    }

    public IReadOnlyList<FStringReplacementFieldSyntax> Fields { get; }
}
