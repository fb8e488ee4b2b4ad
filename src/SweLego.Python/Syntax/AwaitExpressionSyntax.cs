namespace SweLego.Python.Syntax;

/// <summary><c>await value</c>.</summary>
public sealed class AwaitExpressionSyntax : ExpressionSyntax
{
    internal AwaitExpressionSyntax(ExpressionSyntax value)
        : base(SyntaxKind.AwaitExpression, ChildArray(value))
    {
        Value = value;
    }

    public ExpressionSyntax Value { get; }
}
