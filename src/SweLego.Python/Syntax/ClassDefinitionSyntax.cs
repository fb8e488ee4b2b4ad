namespace SweLego.Python.Syntax;

/// <summary>A <c>class</c> with its decorators.</summary>
public sealed class ClassDefinitionSyntax : StatementSyntax
{
    private readonly int classKeyword;
    private readonly int nameToken;

    internal ClassDefinitionSyntax(DecoratorSyntax[] decorators, int classKeyword, int nameToken, TypeParameterListSyntax? typeParameters, ArgumentListSyntax? arguments, BlockSyntax body)
        : base(SyntaxKind.ClassDefinition, Children(decorators, typeParameters, arguments, body))
    {
        Decorators = decorators;
        this.classKeyword = classKeyword;
        this.nameToken = nameToken;
        TypeParameters = typeParameters;
        Arguments = arguments;
        Body = body;
    }

    public IReadOnlyList<DecoratorSyntax> Decorators { get; }

    public SyntaxToken ClassKeyword => TokenAt(classKeyword);

    public SyntaxToken NameToken => TokenAt(nameToken);

    public TypeParameterListSyntax? TypeParameters { get; }

    public ArgumentListSyntax? Arguments { get; }

    public BlockSyntax Body { get; }

    public string Name => NameToken.Text;

    private static SyntaxNode[] Children(DecoratorSyntax[] decorators, TypeParameterListSyntax? typeParameters, ArgumentListSyntax? arguments, BlockSyntax body)
    {
        var children = new SyntaxNode[1 + decorators.Length + (typeParameters is null ? 0 : 1) + (arguments is null ? 0 : 1)];
        int i = 0;
        decorators.CopyTo(children, i);
        i += decorators.Length;
        if (typeParameters is not null)
        {
            children[i++] = typeParameters;
        }

        if (arguments is not null)
        {
            children[i++] = arguments;
        }

        children[i++] = body;
        return children;
    }
}
