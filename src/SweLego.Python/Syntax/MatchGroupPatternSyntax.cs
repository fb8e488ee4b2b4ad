namespace SweLego.Python.Syntax;

/// <summary><c>(pattern)</c>: grouping parentheses.</summary>
public sealed class MatchGroupPatternSyntax : PatternSyntax
{
    internal MatchGroupPatternSyntax(PatternSyntax pattern)
        : base(SyntaxKind.MatchGroupPattern, ChildArray(pattern))
    {
        Pattern = pattern;
    }

    public PatternSyntax Pattern { get; }
}
