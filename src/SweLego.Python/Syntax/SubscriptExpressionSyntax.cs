namespace SweLego.Python.Syntax;

/// <summary><c>value[index]</c>; several indices form a <see cref="TupleExpressionSyntax"/> without parentheses.</summary>
public sealed class SubscriptExpressionSyntax : ExpressionSyntax
{
    internal SubscriptExpressionSyntax(ExpressionSyntax value, ExpressionSyntax index)
        : base(SyntaxKind.SubscriptExpression, Children(value, index))
    {
        Value = value;
        Index = index;
    }

    public ExpressionSyntax Value { get; }

    public ExpressionSyntax Index { get; }

    private static SyntaxNode[] Children(ExpressionSyntax value, ExpressionSyntax index)
    {
        var children = new SyntaxNode[2];
        int i = 0;
        children[i++] = value;
        children[i++] = index;
        return children;
    }
}
