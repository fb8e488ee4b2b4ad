namespace SweLego.Python.Syntax;

/// <summary><c>match subject:</c> with its <c>case</c> blocks (3.10).</summary>
public sealed class MatchStatementSyntax : StatementSyntax
{
    internal MatchStatementSyntax(ExpressionSyntax subject, CaseClauseSyntax[] cases)
        : base(SyntaxKind.MatchStatement, Children(subject, cases))
    {
        Subject = subject;
        Cases = cases;
    }

    public ExpressionSyntax Subject { get; }

    public IReadOnlyList<CaseClauseSyntax> Cases { get; }

    private static SyntaxNode[] Children(ExpressionSyntax subject, CaseClauseSyntax[] cases)
    {
        var children = new SyntaxNode[1 + cases.Length];
        int i = 0;
        children[i++] = subject;
        cases.CopyTo(children, i);
        return children;
    }
}
