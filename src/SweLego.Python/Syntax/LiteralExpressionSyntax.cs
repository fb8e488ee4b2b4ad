namespace SweLego.Python.Syntax;

/// <summary>A number, <c>None</c>, <c>True</c>, <c>False</c> or <c>...</c> (see <see cref="SyntaxNode.Kind"/>).</summary>
public sealed class LiteralExpressionSyntax : ExpressionSyntax
{
    private readonly int token;

    internal LiteralExpressionSyntax(SyntaxKind kind, int token)
        : base(kind, [])
    {
        this.token = token;
    }

    public SyntaxToken Token => TokenAt(token);
}
