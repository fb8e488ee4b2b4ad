namespace SweLego.Python.Syntax;

/// <summary>One logical line of simple statements separated by <c>;</c>, with its NEWLINE.</summary>
public sealed class SimpleStatementLineSyntax : StatementSyntax
{
    internal SimpleStatementLineSyntax(StatementSyntax[] statements)
        : base(SyntaxKind.SimpleStatementLine, statements)
    {
        Statements = statements;
    }

    public IReadOnlyList<StatementSyntax> Statements { get; }
}
