namespace SweLego.Python.Syntax;

/// <summary><c>*name</c> or <c>*_</c> in a sequence pattern.</summary>
public sealed class MatchStarPatternSyntax : PatternSyntax
{
    private readonly int nameToken;

    internal MatchStarPatternSyntax(int nameToken)
        : base(SyntaxKind.MatchStarPattern, [])
    {
        this.nameToken = nameToken;
    }

    public SyntaxToken? NameToken => OptionalTokenAt(nameToken);
}
