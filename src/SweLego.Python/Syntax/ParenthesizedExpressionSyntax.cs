namespace SweLego.Python.Syntax;

/// <summary><c>(expression)</c>: grouping parentheses.</summary>
public sealed class ParenthesizedExpressionSyntax : ExpressionSyntax
{
    internal ParenthesizedExpressionSyntax(ExpressionSyntax expression)
        : base(SyntaxKind.ParenthesizedExpression, Children(expression))
    {
        Expression = expression;
    }

    public ExpressionSyntax Expression { get; }

    private static SyntaxNode[] Children(ExpressionSyntax expression)
    {
        var children = new SyntaxNode[1];
        int i = 0;
        children[i++] = expression;
        return children;
    }
}
