namespace SweLego.Python.Syntax;

/// <summary>A chain of one boolean operator: <c>a or b or c</c> (like <c>ast.BoolOp</c>).</summary>
public sealed class BooleanExpressionSyntax : ExpressionSyntax
{
    private readonly int[] operatorTokens;

    internal BooleanExpressionSyntax(ExpressionSyntax[] operands, int[] operatorTokens)
        : base(SyntaxKind.BooleanExpression, operands)
    {
        Operands = operands;
        this.operatorTokens = operatorTokens;
    }

    public IReadOnlyList<ExpressionSyntax> Operands { get; }

    public IReadOnlyList<SyntaxToken> OperatorTokens => TokensAt(operatorTokens);

    /// <summary><see cref="TokenKind.AndKeyword"/> or <see cref="TokenKind.OrKeyword"/>.</summary>
    public TokenKind Operator => Module.TokenArray[operatorTokens[0]].Kind;
}
