namespace SweLego.Python.Syntax;

/// <summary>An identifier.</summary>
public sealed class NameExpressionSyntax : ExpressionSyntax
{
    private readonly int token;

    internal NameExpressionSyntax(int token)
        : base(SyntaxKind.NameExpression, [])
    {
        this.token = token;
    }

    public SyntaxToken Token => TokenAt(token);

    public string Identifier => Token.Text;
}
