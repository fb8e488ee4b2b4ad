namespace SweLego.Python.Syntax;

/// <summary><c>lower:upper:step</c> inside a subscript.</summary>
public sealed class SliceExpressionSyntax : ExpressionSyntax
{
    internal SliceExpressionSyntax(ExpressionSyntax? lower, ExpressionSyntax? upper, ExpressionSyntax? step)
        : base(SyntaxKind.SliceExpression, ChildArray(lower, upper, step))
    {
        Lower = lower;
        Upper = upper;
        Step = step;
    }

    public ExpressionSyntax? Lower { get; }

    public ExpressionSyntax? Upper { get; }

    public ExpressionSyntax? Step { get; }
}
