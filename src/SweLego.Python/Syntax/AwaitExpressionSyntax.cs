namespace SweLego.Python.Syntax;

/// <summary><c>await value</c>.</summary>
public sealed class AwaitExpressionSyntax : ExpressionSyntax
{
    internal AwaitExpressionSyntax(ExpressionSyntax value)
        : base(SyntaxKind.AwaitExpression, Children(value))
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
