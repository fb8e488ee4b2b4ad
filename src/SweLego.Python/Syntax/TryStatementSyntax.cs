namespace SweLego.Python.Syntax;

/// <summary><c>try</c> with its handlers, <c>else</c> and <c>finally</c>.</summary>
public sealed class TryStatementSyntax : StatementSyntax
{
    internal TryStatementSyntax(BlockSyntax body, ExceptClauseSyntax[] handlers, ElseClauseSyntax? elseClause, FinallyClauseSyntax? finallyClause)
        : base(SyntaxKind.TryStatement, ChildArray([body], handlers, elseClause, finallyClause))
    {
        Body = body;
        Handlers = handlers;
        ElseClause = elseClause;
        FinallyClause = finallyClause;
    }

    public BlockSyntax Body { get; }

    public IReadOnlyList<ExceptClauseSyntax> Handlers { get; }

    public ElseClauseSyntax? ElseClause { get; }

    public FinallyClauseSyntax? FinallyClause { get; }
}
