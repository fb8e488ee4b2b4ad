namespace SweLego.Python.Syntax;

/// <summary><c>lambda parameters: body</c>.</summary>
public sealed class LambdaExpressionSyntax : ExpressionSyntax
{
    internal LambdaExpressionSyntax(ParameterListSyntax? parameters, ExpressionSyntax body)
        : base(SyntaxKind.LambdaExpression, Children(parameters, body))
    {
        Parameters = parameters;
        Body = body;
    }

    public ParameterListSyntax? Parameters { get; }

    public ExpressionSyntax Body { get; }

    private static SyntaxNode[] Children(ParameterListSyntax? parameters, ExpressionSyntax body)
    {
        var children = new SyntaxNode[1 + (parameters is null ? 0 : 1)];
        int i = 0;
        if (parameters is not null)
        {
            children[i++] = parameters;
        }

        children[i++] = body;
        return children;
    }
}
