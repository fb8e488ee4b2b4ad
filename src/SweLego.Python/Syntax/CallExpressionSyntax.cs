namespace SweLego.Python.Syntax;

/// <summary><c>function(arguments)</c>.</summary>
public sealed class CallExpressionSyntax : ExpressionSyntax
{
    internal CallExpressionSyntax(ExpressionSyntax function, ArgumentListSyntax arguments)
        : base(SyntaxKind.CallExpression, Children(function, arguments))
    {
        Function = function;
        Arguments = arguments;
    }

    public ExpressionSyntax Function { get; }

    public ArgumentListSyntax Arguments { get; }

    private static SyntaxNode[] Children(ExpressionSyntax function, ArgumentListSyntax arguments)
    {
        var children = new SyntaxNode[2];
        int i = 0;
        children[i++] = function;
        children[i++] = arguments;
        return children;
    }
}
