namespace SweLego.Python.Syntax;

/// <summary>Base of every expression node.</summary>
public abstract class ExpressionSyntax : SyntaxNode
{
    private protected ExpressionSyntax(SyntaxKind kind, SyntaxNode[] children)
        : base(kind, children)
    {
    }
}
