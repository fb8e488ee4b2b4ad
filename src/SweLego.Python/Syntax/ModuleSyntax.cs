namespace SweLego.Python.Syntax;

/// <summary>The root of a file: its statements, then the end-of-file token that carries trailing comments and blank lines.</summary>
public sealed class ModuleSyntax : SyntaxNode
{
    internal ModuleSyntax(StatementSyntax[] statements)
        : base(SyntaxKind.Module, statements)
    {
        Statements = statements;
    }

    public IReadOnlyList<StatementSyntax> Statements { get; }
}
