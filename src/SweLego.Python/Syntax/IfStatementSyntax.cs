namespace SweLego.Python.Syntax;

/// <summary><c>if</c> with its <c>elif</c> and <c>else</c> clauses.</summary>
public sealed class IfStatementSyntax : StatementSyntax
{
    internal IfStatementSyntax(ExpressionSyntax test, BlockSyntax body, ElifClauseSyntax[] elifClauses, ElseClauseSyntax? elseClause)
        : base(SyntaxKind.IfStatement, ChildArray([test, body], elifClauses, elseClause))
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
}
