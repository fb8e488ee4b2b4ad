namespace SweLego.Python.Syntax;

/// <summary><c>value.name</c>.</summary>
public sealed class AttributeExpressionSyntax : ExpressionSyntax
{
    private readonly int nameToken;

    internal AttributeExpressionSyntax(ExpressionSyntax value, int nameToken)
        : base(SyntaxKind.AttributeExpression, ChildArray(value))
    {
        Value = value;
        this.nameToken = nameToken;
    }

    public ExpressionSyntax Value { get; }

    public SyntaxToken NameToken => TokenAt(nameToken);

    public string Name => NameToken.Text;
}
