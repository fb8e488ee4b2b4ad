namespace SweLego.Python.Syntax;

/// <summary><c>name := value</c> (walrus).</summary>
public sealed class NamedExpressionSyntax : ExpressionSyntax
{
    internal NamedExpressionSyntax(NameExpressionSyntax target, ExpressionSyntax value)
        : base(SyntaxKind.NamedExpression, ChildArray(target, value))
    {
        Target = target;
        Value = value;
    }

    public NameExpressionSyntax Target { get; }

    public ExpressionSyntax Value { get; }
}
