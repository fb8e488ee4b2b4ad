namespace SweLego.Python.Syntax;

/// <summary><c>assert test [, message]</c>.</summary>
public sealed class AssertStatementSyntax : StatementSyntax
{
    internal AssertStatementSyntax(ExpressionSyntax test, ExpressionSyntax? message)
        : base(SyntaxKind.AssertStatement, Children(test, message))
    {
        Test = test;
        Message = message;
    }

    public ExpressionSyntax Test { get; }

    public ExpressionSyntax? Message { get; }

    private static SyntaxNode[] Children(ExpressionSyntax test, ExpressionSyntax? message)
    {
        var children = new SyntaxNode[1 + (message is null ? 0 : 1)];
        int i = 0;
        children[i++] = test;
        if (message is not null)
        {
            children[i++] = message;
        }
        return children;
    }
}
