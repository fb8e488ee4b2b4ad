namespace SweLego.Python.Syntax;

/// <summary><c>value[index]</c>; several indices form a <see cref="TupleExpressionSyntax"/> without parentheses.</summary>
public sealed class SubscriptExpressionSyntax : ExpressionSyntax
{
    internal SubscriptExpressionSyntax(ExpressionSyntax value, ExpressionSyntax index)
        : base(SyntaxKind.SubscriptExpression, ChildArray(value, index))
    {
        Value = value;
        Index = index;
    }

    public ExpressionSyntax Value { get; }

    public ExpressionSyntax Index { get; }
}
