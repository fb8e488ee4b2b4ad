namespace SweLego.Python.Syntax;

/// <summary><c>Class(p, name=q)</c>; keyword patterns are <see cref="MatchKeywordPatternSyntax"/> entries of <see cref="Arguments"/>.</summary>
public sealed class MatchClassPatternSyntax : PatternSyntax
{
    internal MatchClassPatternSyntax(ExpressionSyntax @class, PatternSyntax[] arguments)
        : base(SyntaxKind.MatchClassPattern, ChildArray([@class], arguments))
    {
        Class = @class;
        Arguments = arguments;
    }

    public ExpressionSyntax Class { get; }

    public IReadOnlyList<PatternSyntax> Arguments { get; }
}
