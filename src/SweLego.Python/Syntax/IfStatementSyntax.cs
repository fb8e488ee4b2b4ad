namespace SweLego.Python.Syntax;

/// <summary><c>if</c> with its <c>elif</c> and <c>else</c> clauses.</summary>
public sealed class IfStatementSyntax : StatementSyntax
{
    internal IfStatementSyntax(ExpressionSyntax test, BlockSyntax body, ElifClauseSyntax[] elifClauses, ElseClauseSyntax? elseClause)
        : base(SyntaxKind.IfStatement, Children(test, body, elifClauses, elseClause))
    {
        Test = test;
        Body = body;
        ElifClauses = elifClauses;
        ElseClause = elseClause;
    }

    public ExpressionSyntax Test { get; }

    public BlockSyntax Body { get; }

    public IReadOnlyList<ElifClauseSyntax> ElifClauses { get; }

    public ElseClauseSyntax? ElseClause { get; }

    private static SyntaxNode[] Children(ExpressionSyntax test, BlockSyntax body, ElifClauseSyntax[] elifClauses, ElseClauseSyntax? elseClause)
    {
        var children = new SyntaxNode[2 + elifClauses.Length + (elseClause is null ? 0 : 1)];
        int i = 0;
        children[i++] = test;
        children[i++] = body;
        elifClauses.CopyTo(children, i);
        i += elifClauses.Length;
        if (elseClause is not null)
        {
            children[i++] = elseClause;
        }
        return children;
    }
}
