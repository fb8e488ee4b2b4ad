namespace SweLego.Python.Syntax;

/// <summary><c>target op= value</c>.</summary>
public sealed class AugmentedAssignmentStatementSyntax : StatementSyntax
{
    private readonly int operatorToken;

    internal AugmentedAssignmentStatementSyntax(ExpressionSyntax target, int operatorToken, ExpressionSyntax value)
        : base(SyntaxKind.AugmentedAssignmentStatement, ChildArray(target, value))
    {
        Target = target;
        this.operatorToken = operatorToken;
        Value = value;
    }

    public ExpressionSyntax Target { get; }

    public SyntaxToken OperatorToken => TokenAt(operatorToken);

    public ExpressionSyntax Value { get; }

    /// <summary>The operator token kind, e.g. <see cref="TokenKind.PlusEqual"/>.</summary>
    public TokenKind Operator => OperatorToken.Kind;
}
