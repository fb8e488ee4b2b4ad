namespace SweLego.Python.Syntax;

/// <summary><c>[a, b]</c>.</summary>
public sealed class ListExpressionSyntax : ExpressionSyntax
{
    internal ListExpressionSyntax(ExpressionSyntax[] elements)
        : base(SyntaxKind.ListExpression, elements)
    {
        Elements = elements;
    }

    public IReadOnlyList<ExpressionSyntax> Elements { get; }
}
