namespace SweLego.Python.Syntax;

/// <summary><c>value.name</c>.</summary>
public sealed class AttributeExpressionSyntax : ExpressionSyntax
{
    private readonly int nameToken;

    internal AttributeExpressionSyntax(ExpressionSyntax value, int nameToken)
        : base(SyntaxKind.AttributeExpression, Children(value))
    {
        Value = value;
        this.nameToken = nameToken;
    }

    public ExpressionSyntax Value { get; }

    public SyntaxToken NameToken => TokenAt(nameToken);

    public string Name => NameToken.Text;

    private static SyntaxNode[] Children(ExpressionSyntax value)
    {
        var children = new SyntaxNode[1];
        int i = 0;
        children[i++] = value;
        return children;
    }
}
