namespace SweLego.Python.Syntax;

/// <summary><c>while test: body [else: ...]</c>.</summary>
public sealed class WhileStatementSyntax : StatementSyntax
{
    internal WhileStatementSyntax(ExpressionSyntax test, BlockSyntax body, ElseClauseSyntax? elseClause)
        : base(SyntaxKind.WhileStatement, ChildArray(test, body, elseClause))
    {
        Test = test;
        Body = body;
        ElseClause = elseClause;
    }

    public ExpressionSyntax Test { get; }

    public BlockSyntax Body { get; }

    public ElseClauseSyntax? ElseClause { get; }
}
