namespace SweLego.Python.Syntax;

/// <summary><c>lambda parameters: body</c>.</summary>
public sealed class LambdaExpressionSyntax : ExpressionSyntax
{
    internal LambdaExpressionSyntax(ParameterListSyntax? parameters, ExpressionSyntax body)
        : base(SyntaxKind.LambdaExpression, ChildArray(parameters, body))
    {
        Parameters = parameters;
        Body = body;
    }

    public ParameterListSyntax? Parameters { get; }

    public ExpressionSyntax Body { get; }
}
