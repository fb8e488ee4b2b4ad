namespace SweLego.Python.Syntax;

/// <summary><c>name=pattern</c> inside a class pattern.</summary>
public sealed class MatchKeywordPatternSyntax : PatternSyntax
{
    private readonly int nameToken;

    internal MatchKeywordPatternSyntax(int nameToken, PatternSyntax pattern)
        : base(SyntaxKind.MatchKeywordPattern, ChildArray(pattern))
    {
        this.nameToken = nameToken;
        Pattern = pattern;
    }

    public SyntaxToken NameToken => TokenAt(nameToken);

    public PatternSyntax Pattern { get; }
}
