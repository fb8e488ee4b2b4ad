namespace SweLego.Python.Syntax;

/// <summary><c>pattern as name</c>, a capture <c>name</c> (no pattern) or the wildcard <c>_</c> (neither).</summary>
public sealed class MatchAsPatternSyntax : PatternSyntax
{
    private readonly int nameToken;

    internal MatchAsPatternSyntax(PatternSyntax? pattern, int nameToken)
        : base(SyntaxKind.MatchAsPattern, Children(pattern))
    {
        Pattern = pattern;
        this.nameToken = nameToken;
    }

    public PatternSyntax? Pattern { get; }

    public SyntaxToken? NameToken => OptionalTokenAt(nameToken);

    private static SyntaxNode[] Children(PatternSyntax? pattern)
    {
        var children = new SyntaxNode[(pattern is null ? 0 : 1)];
        int i = 0;
        if (pattern is not null)
        {
            children[i++] = pattern;
        }
        return children;
    }
}
