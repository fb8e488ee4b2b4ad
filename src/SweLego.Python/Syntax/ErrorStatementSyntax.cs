namespace SweLego.Python.Syntax;

/// <summary>Tokens the parser could not make a statement of (a diagnostic was reported), with any nodes recovered inside.</summary>
public sealed class ErrorStatementSyntax : StatementSyntax
{
    internal ErrorStatementSyntax(SyntaxNode[] nodes)
        : base(SyntaxKind.ErrorStatement, nodes)
    {
        Nodes = nodes;
    }

    public IReadOnlyList<SyntaxNode> Nodes { get; }
}
