namespace SweLego.Python.Syntax;

/// <summary><c>import a.b as c, d</c>.</summary>
public sealed class ImportStatementSyntax : StatementSyntax
{
    internal ImportStatementSyntax(ImportAliasSyntax[] names)
        : base(SyntaxKind.ImportStatement, names)
    {
        Names = names;
    }

    public IReadOnlyList<ImportAliasSyntax> Names { get; }
}
