namespace SweLego.Python.Syntax;

/// <summary><c>yield [value]</c> or <c>yield from value</c>.</summary>
public sealed class YieldExpressionSyntax : ExpressionSyntax
{
    internal YieldExpressionSyntax(ExpressionSyntax? value, bool isFrom)
        : base(SyntaxKind.YieldExpression, ChildArray(value))
    {
        Value = value;
        IsFrom = isFrom;
    }

    public ExpressionSyntax? Value { get; }

    public bool IsFrom { get; }
}
