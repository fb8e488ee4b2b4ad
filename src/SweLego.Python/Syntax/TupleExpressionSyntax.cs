namespace SweLego.Python.Syntax;

/// <summary><c>a, b</c> or <c>(a, b)</c>.</summary>
public sealed class TupleExpressionSyntax : ExpressionSyntax
{
    internal TupleExpressionSyntax(ExpressionSyntax[] elements, bool hasParentheses)
        : base(SyntaxKind.TupleExpression, elements)
    {
        Elements = elements;
        HasParentheses = hasParentheses;
    }

    public IReadOnlyList<ExpressionSyntax> Elements { get; }

    public bool HasParentheses { get; }
}
