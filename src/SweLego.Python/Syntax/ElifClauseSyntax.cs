namespace SweLego.Python.Syntax;

/// <summary><c>elif test: body</c>.</summary>
public sealed class ElifClauseSyntax : SyntaxNode
{
    internal ElifClauseSyntax(ExpressionSyntax test, BlockSyntax body)
        : base(SyntaxKind.ElifClause, ChildArray(test, body))
    {
        Test = test;
        Body = body;
    }

    public ExpressionSyntax Test { get; }

    public BlockSyntax Body { get; }
}
