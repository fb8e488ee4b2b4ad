namespace SweLego.Python.Syntax;

/// <summary>A literal or dotted-name value pattern.</summary>
public sealed class MatchValuePatternSyntax : PatternSyntax
{
    internal MatchValuePatternSyntax(ExpressionSyntax value)
        : base(SyntaxKind.MatchValuePattern, Children(value))
    {
        Value = value;
    }

    public ExpressionSyntax Value { get; }

    private static SyntaxNode[] Children(ExpressionSyntax value)
    {
        var children = new SyntaxNode[1];
        int i = 0;
        children[i++] = value;
        return children;
    }
}
