namespace SweLego.Python.Syntax;

/// <summary><c>lower:upper:step</c> inside a subscript.</summary>
public sealed class SliceExpressionSyntax : ExpressionSyntax
{
    internal SliceExpressionSyntax(ExpressionSyntax? lower, ExpressionSyntax? upper, ExpressionSyntax? step)
        : base(SyntaxKind.SliceExpression, Children(lower, upper, step))
    {
        Lower = lower;
        Upper = upper;
        Step = step;
    }

    public ExpressionSyntax? Lower { get; }

    public ExpressionSyntax? Upper { get; }

    public ExpressionSyntax? Step { get; }

    private static SyntaxNode[] Children(ExpressionSyntax? lower, ExpressionSyntax? upper, ExpressionSyntax? step)
    {
        var children = new SyntaxNode[(lower is null ? 0 : 1) + (upper is null ? 0 : 1) + (step is null ? 0 : 1)];
        int i = 0;
        if (lower is not null)
        {
            children[i++] = lower;
        }

        if (upper is not null)
        {
            children[i++] = upper;
        }

        if (step is not null)
        {
            children[i++] = step;
        }
        return children;
    }
}
