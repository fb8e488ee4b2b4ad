namespace SweLego.Python.Syntax;

/// <summary><c>a.b.c</c> in an import.</summary>
public sealed class DottedNameSyntax : SyntaxNode
{
    private readonly int[] names;

    internal DottedNameSyntax(int[] names)
        : base(SyntaxKind.DottedName, [])
    {
        this.names = names;
    }

    public IReadOnlyList<SyntaxToken> Names => TokensAt(names);

    /// <summary>The dotted name with the spaces or comments between its parts removed.</summary>
    public string Value => string.Join('.', Names.Select(n => n.Text));
}
