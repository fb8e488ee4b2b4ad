namespace SweLego.Python.Syntax;

/// <summary><c>type Name[T] = value</c> (3.12).</summary>
public sealed class TypeAliasStatementSyntax : StatementSyntax
{
    private readonly int nameToken;

    internal TypeAliasStatementSyntax(int nameToken, TypeParameterListSyntax? typeParameters, ExpressionSyntax value)
        : base(SyntaxKind.TypeAliasStatement, Children(typeParameters, value))
    {
        this.nameToken = nameToken;
        TypeParameters = typeParameters;
        Value = value;
    }

    public SyntaxToken NameToken => TokenAt(nameToken);

    public TypeParameterListSyntax? TypeParameters { get; }

    public ExpressionSyntax Value { get; }

    public string Name => NameToken.Text;

    private static SyntaxNode[] Children(TypeParameterListSyntax? typeParameters, ExpressionSyntax value)
    {
        var children = new SyntaxNode[1 + (typeParameters is null ? 0 : 1)];
        int i = 0;
        if (typeParameters is not null)
        {
            children[i++] = typeParameters;
        }

        children[i++] = value;
        return children;
    }
}
