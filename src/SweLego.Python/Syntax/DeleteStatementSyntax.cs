namespace SweLego.Python.Syntax;

/// <summary><c>del targets</c>.</summary>
public sealed class DeleteStatementSyntax : StatementSyntax
{
    internal DeleteStatementSyntax(ExpressionSyntax[] targets)
        : base(SyntaxKind.DeleteStatement, targets)
    {
        Targets = targets;
    }

    public IReadOnlyList<ExpressionSyntax> Targets { get; }
}
