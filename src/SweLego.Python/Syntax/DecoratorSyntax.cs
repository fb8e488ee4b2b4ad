namespace SweLego.Python.Syntax;

/// <summary><c>@expression</c> on its own line before a <c>def</c> or <c>class</c>.</summary>
public sealed class DecoratorSyntax : SyntaxNode
{
    private readonly int atToken;

    internal DecoratorSyntax(int atToken, ExpressionSyntax expression)
        : base(SyntaxKind.Decorator, ChildArray(expression))
    {
        this.atToken = atToken;
        Expression = expression;
    }

    public SyntaxToken AtToken => TokenAt(atToken);

    public ExpressionSyntax Expression { get; }
}
