namespace SweLego.Python.Syntax;

/// <summary><c>finally: body</c>.</summary>
public sealed class FinallyClauseSyntax : SyntaxNode
{
    internal FinallyClauseSyntax(BlockSyntax body)
        : base(SyntaxKind.FinallyClause, Children(body))
    {
        Body = body;
    }

    public BlockSyntax Body { get; }

    private static SyntaxNode[] Children(BlockSyntax body)
    {
        var children = new SyntaxNode[1];
        int i = 0;
        children[i++] = body;
        return children;
    }
}
