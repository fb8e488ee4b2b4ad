namespace SweLego.Python.Syntax;

/// <summary><c>return [value]</c>.</summary>
public sealed class ReturnStatementSyntax : StatementSyntax
{
    internal ReturnStatementSyntax(ExpressionSyntax? value)
        : base(SyntaxKind.ReturnStatement, Children(value))
    {
        Value = value;
    }

    public ExpressionSyntax? Value { get; }

    private static SyntaxNode[] Children(ExpressionSyntax? value)
    {
        var children = new SyntaxNode[(value is null ? 0 : 1)];
        int i = 0;
        if (value is not null)
        {
            children[i++] = value;
        }
        return children;
    }
}
