namespace SweLego.Python.Syntax;

/// <summary><c>[async] with items: body</c>, items optionally in parentheses (3.9).</summary>
public sealed class WithStatementSyntax : StatementSyntax
{
    private readonly int asyncKeyword;

    internal WithStatementSyntax(int asyncKeyword, WithItemSyntax[] items, BlockSyntax body, bool hasParentheses)
        : base(SyntaxKind.WithStatement, ChildArray([], items, body))
    {
        this.asyncKeyword = asyncKeyword;
        Items = items;
        Body = body;
        HasParentheses = hasParentheses;
    }

    public SyntaxToken? AsyncKeyword => OptionalTokenAt(asyncKeyword);

    public IReadOnlyList<WithItemSyntax> Items { get; }

    public BlockSyntax Body { get; }

    public bool HasParentheses { get; }

    public bool IsAsync => AsyncKeyword is not null;
}
