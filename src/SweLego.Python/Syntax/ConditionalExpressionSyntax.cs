namespace SweLego.Python.Syntax;

/// <summary><c>body if test else orElse</c>.</summary>
public sealed class ConditionalExpressionSyntax : ExpressionSyntax
{
    internal ConditionalExpressionSyntax(ExpressionSyntax body, ExpressionSyntax test, ExpressionSyntax orElse)
        : base(SyntaxKind.ConditionalExpression, ChildArray(body, test, orElse))
    {
        Body = body;
        Test = test;
        OrElse = orElse;
    }

    public ExpressionSyntax Body { get; }

    public ExpressionSyntax Test { get; }

    public ExpressionSyntax OrElse { get; }
}
