namespace SweLego.Python.Syntax;

/// <summary><c>case pattern [if guard]: body</c>.</summary>
public sealed class CaseClauseSyntax : SyntaxNode
{
    internal CaseClauseSyntax(PatternSyntax pattern, ExpressionSyntax? guard, BlockSyntax body)
        : base(SyntaxKind.CaseClause, ChildArray(pattern, guard, body))
    {
        Pattern = pattern;
        Guard = guard;
        Body = body;
    }

    public PatternSyntax Pattern { get; }

    public ExpressionSyntax? Guard { get; }

    public BlockSyntax Body { get; }
}
