namespace SweLego.Python.Syntax;

/// <summary>Base of the <c>for</c> and <c>if</c> clauses of a comprehension.</summary>
public abstract class ComprehensionClauseSyntax : SyntaxNode
{
    private protected ComprehensionClauseSyntax(SyntaxKind kind, SyntaxNode[] children)
        : base(kind, children)
    {
    }
}
