namespace SweLego.Python.Syntax;

/// <summary><c>not x</c>, <c>-x</c>, <c>+x</c>, <c>~x</c>.</summary>
public sealed class UnaryExpressionSyntax : ExpressionSyntax
{
    private readonly int operatorToken;

    internal UnaryExpressionSyntax(int operatorToken, ExpressionSyntax operand)
        : base(SyntaxKind.UnaryExpression, Children(operand))
    {
        this.operatorToken = operatorToken;
        Operand = operand;
    }

    public SyntaxToken OperatorToken => TokenAt(operatorToken);

    public ExpressionSyntax Operand { get; }

    public TokenKind Operator => OperatorToken.Kind;

    private static SyntaxNode[] Children(ExpressionSyntax operand)
    {
        var children = new SyntaxNode[1];
        int i = 0;
        children[i++] = operand;
        return children;
    }
}
