namespace SweLego.Python.Syntax;

/// <summary><c>expression [as target]</c> in a <c>with</c>.</summary>
public sealed class WithItemSyntax : SyntaxNode
{
    internal WithItemSyntax(ExpressionSyntax expression, ExpressionSyntax? target)
        : base(SyntaxKind.WithItem, Children(expression, target))
    {
        Expression = expression;
        Target = target;
    }

    public ExpressionSyntax Expression { get; }

    public ExpressionSyntax? Target { get; }

    private static SyntaxNode[] Children(ExpressionSyntax expression, ExpressionSyntax? target)
    {
        var children = new SyntaxNode[1 + (target is null ? 0 : 1)];
        int i = 0;
        children[i++] = expression;
        if (target is not null)
        {
            children[i++] = target;
        }
        return children;
    }
}
