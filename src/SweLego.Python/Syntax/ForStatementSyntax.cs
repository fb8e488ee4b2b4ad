namespace SweLego.Python.Syntax;

/// <summary><c>[async] for target in iterable: body [else: ...]</c>.</summary>
public sealed class ForStatementSyntax : StatementSyntax
{
    private readonly int asyncKeyword;

    internal ForStatementSyntax(int asyncKeyword, ExpressionSyntax target, ExpressionSyntax iterable, BlockSyntax body, ElseClauseSyntax? elseClause)
        : base(SyntaxKind.ForStatement, ChildArray(target, iterable, body, elseClause))
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
}
