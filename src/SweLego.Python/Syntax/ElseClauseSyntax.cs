namespace SweLego.Python.Syntax;

/// <summary><c>else: body</c> of an <c>if</c>, loop or <c>try</c>.</summary>
public sealed class ElseClauseSyntax : SyntaxNode
{
    internal ElseClauseSyntax(BlockSyntax body)
        : base(SyntaxKind.ElseClause, Children(body))
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
