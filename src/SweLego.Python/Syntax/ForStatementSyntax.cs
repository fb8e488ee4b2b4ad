namespace SweLego.Python.Syntax;

/// <summary><c>[async] for target in iterable: body [else: ...]</c>.</summary>
public sealed class ForStatementSyntax : StatementSyntax
{
    private readonly int asyncKeyword;

    internal ForStatementSyntax(int asyncKeyword, ExpressionSyntax target, ExpressionSyntax iterable, BlockSyntax body, ElseClauseSyntax? elseClause)
        : base(SyntaxKind.ForStatement, Children(target, iterable, body, elseClause))
    {
        this.asyncKeyword = asyncKeyword;
        Target = target;
        Iterable = iterable;
        Body = body;
        ElseClause = elseClause;
    }

    public SyntaxToken? AsyncKeyword => OptionalTokenAt(asyncKeyword);

    public ExpressionSyntax Target { get; }

    public ExpressionSyntax Iterable { get; }

    public BlockSyntax Body { get; }

    public ElseClauseSyntax? ElseClause { get; }

    public bool IsAsync => AsyncKeyword is not null;

    private static SyntaxNode[] Children(ExpressionSyntax target, ExpressionSyntax iterable, BlockSyntax body, ElseClauseSyntax? elseClause)
    {
        var children = new SyntaxNode[3 + (elseClause is null ? 0 : 1)];
        int i = 0;
        children[i++] = target;
        children[i++] = iterable;
        children[i++] = body;
        if (elseClause is not null)
        {
            children[i++] = elseClause;
        }
        return children;
    }
}
