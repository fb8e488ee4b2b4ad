namespace SweLego.Python.Syntax;

/// <summary>The body of a compound statement: either <c>NEWLINE INDENT statements DEDENT</c> or statements on the header's own line.</summary>
public sealed class BlockSyntax : SyntaxNode
{
    internal BlockSyntax(StatementSyntax[] statements)
        : base(SyntaxKind.Block, statements)
    {
        Statements = statements;
    }

    public IReadOnlyList<StatementSyntax> Statements { get; }

    /// <summary>True for the indented form, false for a body on the header line (<c>if x: pass</c>).</summary>
    public bool IsIndented => EndToken > FirstToken && Module.TokenArray[FirstToken].Kind == TokenKind.Newline;
}
