namespace SweLego.Python.Syntax;

/// <summary><c>raise [exception [from cause]]</c>.</summary>
public sealed class RaiseStatementSyntax : StatementSyntax
{
    internal RaiseStatementSyntax(ExpressionSyntax? exception, ExpressionSyntax? cause)
        : base(SyntaxKind.RaiseStatement, Children(exception, cause))
    {
        Exception = exception;
        Cause = cause;
    }

    public ExpressionSyntax? Exception { get; }

    public ExpressionSyntax? Cause { get; }

    private static SyntaxNode[] Children(ExpressionSyntax? exception, ExpressionSyntax? cause)
    {
        var children = new SyntaxNode[(exception is null ? 0 : 1) + (cause is null ? 0 : 1)];
        int i = 0;
        if (exception is not null)
        {
            children[i++] = exception;
        }

        if (cause is not null)
        {
            children[i++] = cause;
        }
        return children;
    }
}
