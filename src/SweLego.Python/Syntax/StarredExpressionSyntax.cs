namespace SweLego.Python.Syntax;

/// <summary><c>*value</c> in a display, target list or subscript.</summary>
public sealed class StarredExpressionSyntax : ExpressionSyntax
{
    internal StarredExpressionSyntax(ExpressionSyntax value)
        : base(SyntaxKind.StarredExpression, ChildArray(value))
    {
        Value = value;
    }

    public ExpressionSyntax Value { get; }
}
