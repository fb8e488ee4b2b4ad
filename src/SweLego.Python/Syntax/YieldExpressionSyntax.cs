namespace SweLego.Python.Syntax;

/// <summary><c>yield [value]</c> or <c>yield from value</c>.</summary>
public sealed class YieldExpressionSyntax : ExpressionSyntax
{
    internal YieldExpressionSyntax(ExpressionSyntax? value, bool isFrom)
        : base(SyntaxKind.YieldExpression, Children(value))
    {
        Value = value;
        IsFrom = isFrom;
    }

    public ExpressionSyntax? Value { get; }

    public bool IsFrom { get; }

    private static SyntaxNode[] Children(ExpressionSyntax? value)
    {
        var children = new SyntaxNode[(value is null ? 0 : 1)];
        int i = 0;
        if (value is not null)
        {
            children[i++] = value;
        }
        return children;
    }
}
