namespace SweLego.Python.Syntax;

/// <summary>An expression used as a statement (a call, a docstring, <c>yield</c>...).</summary>
public sealed class ExpressionStatementSyntax : StatementSyntax
{
    internal ExpressionStatementSyntax(ExpressionSyntax expression)
        : base(SyntaxKind.ExpressionStatement, ChildArray(expression))
    {
        Expression = expression;
    }

    public ExpressionSyntax Expression { get; }
}
