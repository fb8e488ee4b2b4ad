namespace SweLego.Python.Syntax;

/// <summary><c>targets = ... = value</c>.</summary>
public sealed class AssignmentStatementSyntax : StatementSyntax
{
    internal AssignmentStatementSyntax(ExpressionSyntax[] targets, ExpressionSyntax value)
        : base(SyntaxKind.AssignmentStatement, Children(targets, value))
    {
        Targets = targets;
        Value = value;
    }

    public IReadOnlyList<ExpressionSyntax> Targets { get; }

    public ExpressionSyntax Value { get; }

    private static SyntaxNode[] Children(ExpressionSyntax[] targets, ExpressionSyntax value)
    {
        var children = new SyntaxNode[1 + targets.Length];
        int i = 0;
        targets.CopyTo(children, i);
        i += targets.Length;
        children[i++] = value;
        return children;
    }
}
