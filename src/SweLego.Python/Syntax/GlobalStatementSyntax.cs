namespace SweLego.Python.Syntax;

/// <summary><c>global names</c> or <c>nonlocal names</c> (see <see cref="SyntaxNode.Kind"/>).</summary>
public sealed class GlobalStatementSyntax : StatementSyntax
{
    private readonly int[] names;

    internal GlobalStatementSyntax(SyntaxKind kind, int[] names)
        : base(kind, [])
    {
        this.names = names;
    }

    public IReadOnlyList<SyntaxToken> Names => TokensAt(names);
}
