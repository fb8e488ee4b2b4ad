namespace SweLego.Python.Syntax;

/// <summary><c>pattern as name</c>, a capture <c>name</c> (no pattern) or the wildcard <c>_</c> (neither).</summary>
public sealed class MatchAsPatternSyntax : PatternSyntax
{
    private readonly int nameToken;

    internal MatchAsPatternSyntax(PatternSyntax? pattern, int nameToken)
        : base(SyntaxKind.MatchAsPattern, ChildArray(pattern))
    {
        Pattern = pattern;
        this.nameToken = nameToken;
    }

    public PatternSyntax? Pattern { get; }

    public SyntaxToken? NameToken => OptionalTokenAt(nameToken);
}
