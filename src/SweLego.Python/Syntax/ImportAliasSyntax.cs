namespace SweLego.Python.Syntax;

/// <summary><c>name [as alias]</c> in an import.</summary>
public sealed class ImportAliasSyntax : SyntaxNode
{
    private readonly int asName;

    internal ImportAliasSyntax(DottedNameSyntax name, int asName)
        : base(SyntaxKind.ImportAlias, ChildArray(name))
    {
        Name = name;
        this.asName = asName;
    }

    public DottedNameSyntax Name { get; }

    public SyntaxToken? AsName => OptionalTokenAt(asName);
}
