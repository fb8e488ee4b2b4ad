namespace SweLego.Python.Syntax;

/// <summary>A <c>class</c> with its decorators.</summary>
public sealed class ClassDefinitionSyntax : StatementSyntax
{
    private readonly int classKeyword;
    private readonly int nameToken;

    internal ClassDefinitionSyntax(DecoratorSyntax[] decorators, int classKeyword, int nameToken, TypeParameterListSyntax? typeParameters, ArgumentListSyntax? arguments, BlockSyntax body)
        : base(SyntaxKind.ClassDefinition, ChildArray([], decorators, typeParameters, arguments, body))
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
}
