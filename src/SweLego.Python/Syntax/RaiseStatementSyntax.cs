namespace SweLego.Python.Syntax;

/// <summary><c>raise [exception [from cause]]</c>.</summary>
public sealed class RaiseStatementSyntax : StatementSyntax
{
    internal RaiseStatementSyntax(ExpressionSyntax? exception, ExpressionSyntax? cause)
        : base(SyntaxKind.RaiseStatement, ChildArray(exception, cause))
    {
        Exception = exception;
        Cause = cause;
    }

    public ExpressionSyntax? Exception { get; }

    public ExpressionSyntax? Cause { get; }
}
