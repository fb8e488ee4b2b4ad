namespace SweLego.Python.Syntax;

/// <summary><c>left op right</c> for arithmetic, bitwise and <c>**</c> operators.</summary>
public sealed class BinaryExpressionSyntax : ExpressionSyntax
{
    private readonly int operatorToken;

    internal BinaryExpressionSyntax(ExpressionSyntax left, int operatorToken, ExpressionSyntax right)
        : base(SyntaxKind.BinaryExpression, ChildArray(left, right))
    {
        Left = left;
        this.operatorToken = operatorToken;
        Right = right;
    }

    public ExpressionSyntax Left { get; }

    public SyntaxToken OperatorToken => TokenAt(operatorToken);

    public ExpressionSyntax Right { get; }

    public TokenKind Operator => OperatorToken.Kind;
}
