namespace SweLego.Python.Syntax;

/// <summary><c>*value</c> in a display, target list or subscript.</summary>
public sealed class StarredExpressionSyntax : ExpressionSyntax
{
    internal StarredExpressionSyntax(ExpressionSyntax value)
        : base(SyntaxKind.StarredExpression, Children(value))
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
