namespace SweLego.Python.Syntax;

/// <summary><c>pass</c>, <c>break</c> or <c>continue</c> (see <see cref="SyntaxNode.Kind"/>).</summary>
public sealed class KeywordStatementSyntax : StatementSyntax
{
    private readonly int keyword;

    internal KeywordStatementSyntax(SyntaxKind kind, int keyword)
        : base(kind, [])
    {
        this.keyword = keyword;
    }

    public SyntaxToken Keyword => TokenAt(keyword);
}
