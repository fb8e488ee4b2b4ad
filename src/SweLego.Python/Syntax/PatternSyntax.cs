namespace SweLego.Python.Syntax;

/// <summary>Base of every pattern node.</summary>
public abstract class PatternSyntax : SyntaxNode
{
    private protected PatternSyntax(SyntaxKind kind, SyntaxNode[] children)
        : base(kind, children)
    {
    }
}
