namespace SweLego.Python.Syntax;

/// <summary>An expression used as a statement (a call, a docstring, <c>yield</c>...).</summary>
public sealed class ExpressionStatementSyntax : StatementSyntax
{
    internal ExpressionStatementSyntax(ExpressionSyntax expression)
        : base(SyntaxKind.ExpressionStatement, Children(expression))
    {
        Expression = expression;
    }

    public ExpressionSyntax Expression { get; }

    private static SyntaxNode[] Children(ExpressionSyntax expression)
    {
        var children = new SyntaxNode[1];
        int i = 0;
        children[i++] = expression;
        return children;
    }
}
