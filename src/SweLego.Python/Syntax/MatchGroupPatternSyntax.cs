namespace SweLego.Python.Syntax;

/// <summary><c>(pattern)</c>: grouping parentheses.</summary>
public sealed class MatchGroupPatternSyntax : PatternSyntax
{
    internal MatchGroupPatternSyntax(PatternSyntax pattern)
        : base(SyntaxKind.MatchGroupPattern, Children(pattern))
    {
        Pattern = pattern;
    }

    public PatternSyntax Pattern { get; }

    private static SyntaxNode[] Children(PatternSyntax pattern)
    {
        var children = new SyntaxNode[1];
        int i = 0;
        children[i++] = pattern;
        return children;
    }
}
