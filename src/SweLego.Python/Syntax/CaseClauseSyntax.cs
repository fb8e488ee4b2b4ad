namespace SweLego.Python.Syntax;

/// <summary><c>case pattern [if guard]: body</c>.</summary>
public sealed class CaseClauseSyntax : SyntaxNode
{
    internal CaseClauseSyntax(PatternSyntax pattern, ExpressionSyntax? guard, BlockSyntax body)
        : base(SyntaxKind.CaseClause, Children(pattern, guard, body))
    {
        Pattern = pattern;
        Guard = guard;
        Body = body;
    }

    public PatternSyntax Pattern { get; }

    public ExpressionSyntax? Guard { get; }

    public BlockSyntax Body { get; }

    private static SyntaxNode[] Children(PatternSyntax pattern, ExpressionSyntax? guard, BlockSyntax body)
    {
        var children = new SyntaxNode[2 + (guard is null ? 0 : 1)];
        int i = 0;
        children[i++] = pattern;
        if (guard is not null)
        {
            children[i++] = guard;
        }

        children[i++] = body;
        return children;
    }
}
