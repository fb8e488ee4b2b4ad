namespace SweLego.Python.Syntax;

/// <summary><c>[p, q]</c>, <c>(p, q)</c> or an open <c>p, q</c> sequence pattern.</summary>
public sealed class MatchSequencePatternSyntax : PatternSyntax
{
    internal MatchSequencePatternSyntax(PatternSyntax[] patterns)
        : base(SyntaxKind.MatchSequencePattern, patterns)
    {
        Patterns = patterns;
    }

    public IReadOnlyList<PatternSyntax> Patterns { get; }
}
