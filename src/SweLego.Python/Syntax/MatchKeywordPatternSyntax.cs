namespace SweLego.Python.Syntax;

/// <summary><c>name=pattern</c> inside a class pattern.</summary>
public sealed class MatchKeywordPatternSyntax : PatternSyntax
{
    private readonly int nameToken;

    internal MatchKeywordPatternSyntax(int nameToken, PatternSyntax pattern)
        : base(SyntaxKind.MatchKeywordPattern, Children(pattern))
    {
        this.nameToken = nameToken;
        Pattern = pattern;
    }

    public SyntaxToken NameToken => TokenAt(nameToken);

    public PatternSyntax Pattern { get; }

    private static SyntaxNode[] Children(PatternSyntax pattern)
    {
        var children = new SyntaxNode[1];
        int i = 0;
        children[i++] = pattern;
        return children;
    }
}
