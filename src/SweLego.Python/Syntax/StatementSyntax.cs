namespace SweLego.Python.Syntax;

/// <summary>Base of every statement node.</summary>
public abstract class StatementSyntax : SyntaxNode
{
    private protected StatementSyntax(SyntaxKind kind, SyntaxNode[] children)
        : base(kind, children)
    {
    }
}
