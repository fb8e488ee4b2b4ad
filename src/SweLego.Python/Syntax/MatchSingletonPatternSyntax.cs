namespace SweLego.Python.Syntax;

/// <summary><c>None</c>, <c>True</c> or <c>False</c> as a pattern.</summary>
public sealed class MatchSingletonPatternSyntax : PatternSyntax
{
    private readonly int token;

    internal MatchSingletonPatternSyntax(int token)
        : base(SyntaxKind.MatchSingletonPattern, [])
    {
        this.token = token;
    }

    public SyntaxToken Token => TokenAt(token);
}
