namespace SweLego.Python.Syntax;

/// <summary><c>T[: bound][= default]</c>, <c>*Ts</c> or <c>**P</c>.</summary>
public sealed class TypeParameterSyntax : SyntaxNode
{
    private readonly int nameToken;

    internal TypeParameterSyntax(int nameToken, ExpressionSyntax? bound, ExpressionSyntax? @default, TypeParameterKind typeParameterKind)
        : base(SyntaxKind.TypeParameter, Children(bound, @default))
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

    private static SyntaxNode[] Children(ExpressionSyntax? bound, ExpressionSyntax? @default)
    {
        var children = new SyntaxNode[(bound is null ? 0 : 1) + (@default is null ? 0 : 1)];
        int i = 0;
        if (bound is not null)
        {
            children[i++] = bound;
        }

        if (@default is not null)
        {
            children[i++] = @default;
        }
        return children;
    }
}
