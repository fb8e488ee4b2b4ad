namespace SweLego.Python.Syntax;

/// <summary><c>assert test [, message]</c>.</summary>
public sealed class AssertStatementSyntax : StatementSyntax
{
    internal AssertStatementSyntax(ExpressionSyntax test, ExpressionSyntax? message)
        : base(SyntaxKind.AssertStatement, ChildArray(test, message))
    {
        Test = test;
        Message = message;
    }

    public ExpressionSyntax Test { get; }

    public ExpressionSyntax? Message { get; }
}
