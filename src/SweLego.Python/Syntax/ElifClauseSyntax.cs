namespace SweLego.Python.Syntax;

/// <summary><c>elif test: body</c>.</summary>
public sealed class ElifClauseSyntax : SyntaxNode
{
    internal ElifClauseSyntax(ExpressionSyntax test, BlockSyntax body)
        : base(SyntaxKind.ElifClause, Children(test, body))
    {
        Test = test;
        Body = body;
    }

    public ExpressionSyntax Test { get; }

    public BlockSyntax Body { get; }

    private static SyntaxNode[] Children(ExpressionSyntax test, BlockSyntax body)
    {
        var children = new SyntaxNode[2];
        int i = 0;
        children[i++] = test;
        children[i++] = body;
        return children;
    }
}
