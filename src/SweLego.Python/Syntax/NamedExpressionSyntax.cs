namespace SweLego.Python.Syntax;

/// <summary><c>name := value</c> (walrus).</summary>
public sealed class NamedExpressionSyntax : ExpressionSyntax
{
    internal NamedExpressionSyntax(NameExpressionSyntax target, ExpressionSyntax value)
        : base(SyntaxKind.NamedExpression, Children(target, value))
    {
        Target = target;
        Value = value;
    }

    public NameExpressionSyntax Target { get; }

    public ExpressionSyntax Value { get; }

    private static SyntaxNode[] Children(NameExpressionSyntax target, ExpressionSyntax value)
    {
        var children = new SyntaxNode[2];
        int i = 0;
        children[i++] = target;
        children[i++] = value;
        return children;
    }
}
