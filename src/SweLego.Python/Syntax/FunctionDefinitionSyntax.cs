namespace SweLego.Python.Syntax;

/// <summary>A <c>def</c> or <c>async def</c> with its decorators.</summary>
public sealed class FunctionDefinitionSyntax : StatementSyntax
{
    private readonly int asyncKeyword;
    private readonly int defKeyword;
    private readonly int nameToken;

    internal FunctionDefinitionSyntax(DecoratorSyntax[] decorators, int asyncKeyword, int defKeyword, int nameToken, TypeParameterListSyntax? typeParameters, ParameterListSyntax parameters, ExpressionSyntax? returnAnnotation, BlockSyntax body)
        : base(SyntaxKind.FunctionDefinition, ChildArray([], decorators, typeParameters, parameters, returnAnnotation, body))
    {
        Decorators = decorators;
        this.asyncKeyword = asyncKeyword;
        this.defKeyword = defKeyword;
        this.nameToken = nameToken;
        TypeParameters = typeParameters;
        Parameters = parameters;
        ReturnAnnotation = returnAnnotation;
        Body = body;
    }

    public IReadOnlyList<DecoratorSyntax> Decorators { get; }

    public SyntaxToken? AsyncKeyword => OptionalTokenAt(asyncKeyword);

    public SyntaxToken DefKeyword => TokenAt(defKeyword);

    public SyntaxToken NameToken => TokenAt(nameToken);

    public TypeParameterListSyntax? TypeParameters { get; }

    public ParameterListSyntax Parameters { get; }

    public ExpressionSyntax? ReturnAnnotation { get; }

    public BlockSyntax Body { get; }

    public string Name => NameToken.Text;

    public bool IsAsync => AsyncKeyword is not null;
}
