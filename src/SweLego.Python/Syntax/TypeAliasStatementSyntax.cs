namespace SweLego.Python.Syntax;

/// <summary><c>type Name[T] = value</c> (3.12).</summary>
public sealed class TypeAliasStatementSyntax : StatementSyntax
{
    private readonly int nameToken;

    internal TypeAliasStatementSyntax(int nameToken, TypeParameterListSyntax? typeParameters, ExpressionSyntax value)
        : base(SyntaxKind.TypeAliasStatement, ChildArray(typeParameters, value))
    {
        this.nameToken = nameToken;
        TypeParameters = typeParameters;
        Value = value;
    }

    public SyntaxToken NameToken => TokenAt(nameToken);

    public TypeParameterListSyntax? TypeParameters { get; }

    public ExpressionSyntax Value { get; }

    public string Name => NameToken.Text;
}
