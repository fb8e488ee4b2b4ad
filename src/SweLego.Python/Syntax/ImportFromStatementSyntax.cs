namespace SweLego.Python.Syntax;

/// <summary><c>from [.]*module import names</c>.</summary>
public sealed class ImportFromStatementSyntax : StatementSyntax
{
    internal ImportFromStatementSyntax(DottedNameSyntax? moduleName, ImportAliasSyntax[] names, int level, bool isWildcard)
        : base(SyntaxKind.ImportFromStatement, ChildArray([moduleName], names))
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
}
