namespace SweLego.Python.Syntax;

/// <summary><c>{a, b}</c>.</summary>
public sealed class SetExpressionSyntax : ExpressionSyntax
{
    internal SetExpressionSyntax(ExpressionSyntax[] elements)
        : base(SyntaxKind.SetExpression, elements)
    {
        Elements = elements;
    }

    public IReadOnlyList<ExpressionSyntax> Elements { get; }
}
