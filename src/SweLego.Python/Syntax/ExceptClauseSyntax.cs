namespace SweLego.Python.Syntax;

/// <summary><c>except[*] [type [as name]]: body</c>.</summary>
public sealed class ExceptClauseSyntax : SyntaxNode
{
    private readonly int nameToken;

    internal ExceptClauseSyntax(ExpressionSyntax? type, int nameToken, BlockSyntax body, bool isStar)
        : base(SyntaxKind.ExceptClause, ChildArray(type, body))
    {
        Type = type;
        this.nameToken = nameToken;
        Body = body;
        IsStar = isStar;
    }

    public ExpressionSyntax? Type { get; }

    public SyntaxToken? NameToken => OptionalTokenAt(nameToken);

    public BlockSyntax Body { get; }

    public bool IsStar { get; }
}
