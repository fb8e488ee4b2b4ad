namespace SweLego.Python.Syntax;

/// <summary><c>while test: body [else: ...]</c>.</summary>
public sealed class WhileStatementSyntax : StatementSyntax
{
    internal WhileStatementSyntax(ExpressionSyntax test, BlockSyntax body, ElseClauseSyntax? elseClause)
        : base(SyntaxKind.WhileStatement, Children(test, body, elseClause))
    {
        Test = test;
        Body = body;
        ElseClause = elseClause;
    }

    public ExpressionSyntax Test { get; }

    public BlockSyntax Body { get; }

    public ElseClauseSyntax? ElseClause { get; }

    private static SyntaxNode[] Children(ExpressionSyntax test, BlockSyntax body, ElseClauseSyntax? elseClause)
    {
        var children = new SyntaxNode[2 + (elseClause is null ? 0 : 1)];
        int i = 0;
        children[i++] = test;
        children[i++] = body;
        if (elseClause is not null)
        {
            children[i++] = elseClause;
        }
        return children;
    }
}
