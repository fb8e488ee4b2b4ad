namespace SweLego.Python.Syntax;

/// <summary><c>finally: body</c>.</summary>
public sealed class FinallyClauseSyntax : SyntaxNode
{
    internal FinallyClauseSyntax(BlockSyntax body)
        : base(SyntaxKind.FinallyClause, ChildArray(body))
    {
        Body = body;
    }

    public BlockSyntax Body { get; }
}
