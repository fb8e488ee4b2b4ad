namespace SweLego.Python.Syntax;

/// <summary><c>else: body</c> of an <c>if</c>, loop or <c>try</c>.</summary>
public sealed class ElseClauseSyntax : SyntaxNode
{
    internal ElseClauseSyntax(BlockSyntax body)
        : base(SyntaxKind.ElseClause, ChildArray(body))
    {
        Body = body;
    }

    public BlockSyntax Body { get; }
}
