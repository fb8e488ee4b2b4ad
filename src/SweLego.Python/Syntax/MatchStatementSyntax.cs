namespace SweLego.Python.Syntax;

/// <summary><c>match subject:</c> with its <c>case</c> blocks (3.10).</summary>
public sealed class MatchStatementSyntax : StatementSyntax
{
    internal MatchStatementSyntax(ExpressionSyntax subject, CaseClauseSyntax[] cases)
        : base(SyntaxKind.MatchStatement, ChildArray([subject], cases))
    {
        Subject = subject;
        Cases = cases;
    }

    public ExpressionSyntax Subject { get; }

    public IReadOnlyList<CaseClauseSyntax> Cases { get; }
}
