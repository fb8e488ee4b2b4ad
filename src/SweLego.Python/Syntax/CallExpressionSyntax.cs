namespace SweLego.Python.Syntax;

/// <summary><c>function(arguments)</c>.</summary>
public sealed class CallExpressionSyntax : ExpressionSyntax
{
    internal CallExpressionSyntax(ExpressionSyntax function, ArgumentListSyntax arguments)
        : base(SyntaxKind.CallExpression, ChildArray(function, arguments))
    {
        Function = function;
        Arguments = arguments;
    }

    public ExpressionSyntax Function { get; }

    public ArgumentListSyntax Arguments { get; }
}
