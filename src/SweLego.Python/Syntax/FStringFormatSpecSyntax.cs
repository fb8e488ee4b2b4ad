namespace SweLego.Python.Syntax;

/// <summary>The <c>:spec</c> of a replacement field; may hold nested fields.</summary>
public sealed class FStringFormatSpecSyntax : SyntaxNode
{
    internal FStringFormatSpecSyntax(FStringReplacementFieldSyntax[] fields)
        : base(SyntaxKind.FStringFormatSpec, fields)
    {
        Fields = fields;
    }

    public IReadOnlyList<FStringReplacementFieldSyntax> Fields { get; }
}
