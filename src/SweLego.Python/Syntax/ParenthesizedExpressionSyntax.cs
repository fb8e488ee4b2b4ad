namespace SweLego.Python.Syntax;

/// <summary><c>(expression)</c>: grouping parentheses.</summary>
public sealed class ParenthesizedExpressionSyntax : ExpressionSyntax
{
    internal ParenthesizedExpressionSyntax(ExpressionSyntax expression)
        : base(SyntaxKind.ParenthesizedExpression, ChildArray(expression))
    {
        Expression = expression;
    }

    public ExpressionSyntax Expression { get; }
}
