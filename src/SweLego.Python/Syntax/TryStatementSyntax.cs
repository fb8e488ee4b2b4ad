namespace SweLego.Python.Syntax;

/// <summary><c>try</c> with its handlers, <c>else</c> and <c>finally</c>.</summary>
public sealed class TryStatementSyntax : StatementSyntax
{
    internal TryStatementSyntax(BlockSyntax body, ExceptClauseSyntax[] handlers, ElseClauseSyntax? elseClause, FinallyClauseSyntax? finallyClause)
        : base(SyntaxKind.TryStatement, Children(body, handlers, elseClause, finallyClause))
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

    private static SyntaxNode[] Children(BlockSyntax body, ExceptClauseSyntax[] handlers, ElseClauseSyntax? elseClause, FinallyClauseSyntax? finallyClause)
    {
        var children = new SyntaxNode[1 + handlers.Length + (elseClause is null ? 0 : 1) + (finallyClause is null ? 0 : 1)];
        int i = 0;
        children[i++] = body;
        handlers.CopyTo(children, i);
        i += handlers.Length;
        if (elseClause is not null)
        {
            children[i++] = elseClause;
        }

        if (finallyClause is not null)
        {
            children[i++] = finallyClause;
        }
        return children;
    }
}
