namespace SweLego.Python.Syntax;

/// <summary>A literal or dotted-name value pattern.</summary>
public sealed class MatchValuePatternSyntax : PatternSyntax
{
    internal MatchValuePatternSyntax(ExpressionSyntax value)
        : base(SyntaxKind.MatchValuePattern, ChildArray(value))
    {
        Value = value;
    }

    public ExpressionSyntax Value { get; }
}
