namespace SweLego.Python.Syntax;

/// <summary><c>T[: bound][= default]</c>, <c>*Ts</c> or <c>**P</c>.</summary>
public sealed class TypeParameterSyntax : SyntaxNode
{
    private readonly int nameToken;

    internal TypeParameterSyntax(int nameToken, ExpressionSyntax? bound, ExpressionSyntax? @default, TypeParameterKind typeParameterKind)
        : base(SyntaxKind.TypeParameter, ChildArray(bound, @default))
    {
        this.nameToken = nameToken;
        Bound = bound;
        Default = @default;
        TypeParameterKind = typeParameterKind;
    }

    public SyntaxToken NameToken => TokenAt(nameToken);

    public ExpressionSyntax? Bound { get; }

    public ExpressionSyntax? Default { get; }

    public TypeParameterKind TypeParameterKind { get; }

    public string Name => NameToken.Text;
}
