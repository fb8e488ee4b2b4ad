namespace SweLego.Python.Syntax;

/// <summary><c>expression [as target]</c> in a <c>with</c>.</summary>
public sealed class WithItemSyntax : SyntaxNode
{
    internal WithItemSyntax(ExpressionSyntax expression, ExpressionSyntax? target)
        : base(SyntaxKind.WithItem, ChildArray(expression, target))
    {
        Expression = expression;
        Target = target;
    }

    public ExpressionSyntax Expression { get; }

    public ExpressionSyntax? Target { get; }
}
