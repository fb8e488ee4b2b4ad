namespace SweLego.Python.Syntax;

/// <summary><c>targets = ... = value</c>.</summary>
public sealed class AssignmentStatementSyntax : StatementSyntax
{
    internal AssignmentStatementSyntax(ExpressionSyntax[] targets, ExpressionSyntax value)
        : base(SyntaxKind.AssignmentStatement, ChildArray([], targets, value))
    {
        Targets = targets;
        Value = value;
    }

    public IReadOnlyList<ExpressionSyntax> Targets { get; }

    public ExpressionSyntax Value { get; }
}
