namespace SweLego.Python.Syntax;

/// <summary><c>except[*] [type [as name]]: body</c>.</summary>
public sealed class ExceptClauseSyntax : SyntaxNode
{
    private readonly int nameToken;

    internal ExceptClauseSyntax(ExpressionSyntax? type, int nameToken, BlockSyntax body, bool isStar)
        : base(SyntaxKind.ExceptClause, Children(type, body))
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

    private static SyntaxNode[] Children(ExpressionSyntax? type, BlockSyntax body)
    {
        var children = new SyntaxNode[1 + (type is null ? 0 : 1)];
        int i = 0;
        if (type is not null)
        {
            children[i++] = type;
        }

        children[i++] = body;
        return children;
    }
}
