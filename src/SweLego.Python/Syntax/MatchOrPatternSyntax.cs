namespace SweLego.Python.Syntax;

/// <summary><c>p | q</c>.</summary>
public sealed class MatchOrPatternSyntax : PatternSyntax
{
    internal MatchOrPatternSyntax(PatternSyntax[] patterns)
        : base(SyntaxKind.MatchOrPattern, patterns)
    {
        Patterns = patterns;
    }

    public IReadOnlyList<PatternSyntax> Patterns { get; }
}
