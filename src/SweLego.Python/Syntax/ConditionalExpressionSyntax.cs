namespace SweLego.Python.Syntax;

/// <summary><c>body if test else orElse</c>.</summary>
public sealed class ConditionalExpressionSyntax : ExpressionSyntax
{
    internal ConditionalExpressionSyntax(ExpressionSyntax body, ExpressionSyntax test, ExpressionSyntax orElse)
        : base(SyntaxKind.ConditionalExpression, Children(body, test, orElse))
    {
        Body = body;
        Test = test;
        OrElse = orElse;
    }

    public ExpressionSyntax Body { get; }

    public ExpressionSyntax Test { get; }

    public ExpressionSyntax OrElse { get; }

    private static SyntaxNode[] Children(ExpressionSyntax body, ExpressionSyntax test, ExpressionSyntax orElse)
    {
        var children = new SyntaxNode[3];
        int i = 0;
        children[i++] = body;
        children[i++] = test;
        children[i++] = orElse;
        return children;
    }
}
