namespace SweLego.Python.Syntax;

/// <summary>A missing or unparsable expression (a diagnostic was reported); may be empty.</summary>
public sealed class ErrorExpressionSyntax : ExpressionSyntax
{
    internal ErrorExpressionSyntax(SyntaxNode[] nodes)
        : base(SyntaxKind.ErrorExpression, nodes)
    {
        Nodes = nodes;
    }

    public IReadOnlyList<SyntaxNode> Nodes { get; }
}
