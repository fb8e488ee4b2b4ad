namespace SweLego.Python.Syntax;

/// <summary><c>not x</c>, <c>-x</c>, <c>+x</c>, <c>~x</c>.</summary>
public sealed class UnaryExpressionSyntax : ExpressionSyntax
{
    private readonly int operatorToken;

    internal UnaryExpressionSyntax(int operatorToken, ExpressionSyntax operand)
        : base(SyntaxKind.UnaryExpression, ChildArray(operand))
    {
        this.operatorToken = operatorToken;
        Operand = operand;
    }

    public SyntaxToken OperatorToken => TokenAt(operatorToken);

    public ExpressionSyntax Operand { get; }

    public TokenKind Operator => OperatorToken.Kind;
}
