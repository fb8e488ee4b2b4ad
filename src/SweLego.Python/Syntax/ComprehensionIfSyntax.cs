namespace SweLego.Python.Syntax;

/// <summary><c>if condition</c> in a comprehension.</summary>
public sealed class ComprehensionIfSyntax : ComprehensionClauseSyntax
{
    internal ComprehensionIfSyntax(ExpressionSyntax condition)
        : base(SyntaxKind.ComprehensionIf, Children(condition))
    {
        Condition = condition;
    }

    public ExpressionSyntax Condition { get; }

    private static SyntaxNode[] Children(ExpressionSyntax condition)
    {
        var children = new SyntaxNode[1];
        int i = 0;
        children[i++] = condition;
        return children;
    }
}
