namespace SweLego.Python.Syntax;

/// <summary><c>from [.]*module import names</c>.</summary>
public sealed class ImportFromStatementSyntax : StatementSyntax
{
    internal ImportFromStatementSyntax(DottedNameSyntax? moduleName, ImportAliasSyntax[] names, int level, bool isWildcard)
        : base(SyntaxKind.ImportFromStatement, Children(moduleName, names))
    {
        ModuleName = moduleName;
        Names = names;
        Level = level;
        IsWildcard = isWildcard;
    }

    public DottedNameSyntax? ModuleName { get; }

    public IReadOnlyList<ImportAliasSyntax> Names { get; }

    public int Level { get; }

    public bool IsWildcard { get; }

    private static SyntaxNode[] Children(DottedNameSyntax? moduleName, ImportAliasSyntax[] names)
    {
        var children = new SyntaxNode[(moduleName is null ? 0 : 1) + names.Length];
        int i = 0;
        if (moduleName is not null)
        {
            children[i++] = moduleName;
        }

        names.CopyTo(children, i);
        return children;
    }
}
