namespace SweLego.Python.Syntax;

/// <summary><c>if condition</c> in a comprehension.</summary>
public sealed class ComprehensionIfSyntax : ComprehensionClauseSyntax
{
    internal ComprehensionIfSyntax(ExpressionSyntax condition)
        : base(SyntaxKind.ComprehensionIf, ChildArray(condition))
    {
        Condition = condition;
    }

    public ExpressionSyntax Condition { get; }
}
