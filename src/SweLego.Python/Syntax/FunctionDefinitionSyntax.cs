namespace SweLego.Python.Syntax;

/// <summary>A <c>def</c> or <c>async def</c> with its decorators.</summary>
public sealed class FunctionDefinitionSyntax : StatementSyntax
{
    private readonly int asyncKeyword;
    private readonly int defKeyword;
    private readonly int nameToken;

    internal FunctionDefinitionSyntax(DecoratorSyntax[] decorators, int asyncKeyword, int defKeyword, int nameToken, TypeParameterListSyntax? typeParameters, ParameterListSyntax parameters, ExpressionSyntax? returnAnnotation, BlockSyntax body)
        : base(SyntaxKind.FunctionDefinition, Children(decorators, typeParameters, parameters, returnAnnotation, body))
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

    private static SyntaxNode[] Children(DecoratorSyntax[] decorators, TypeParameterListSyntax? typeParameters, ParameterListSyntax parameters, ExpressionSyntax? returnAnnotation, BlockSyntax body)
    {
        var children = new SyntaxNode[2 + decorators.Length + (typeParameters is null ? 0 : 1) + (returnAnnotation is null ? 0 : 1)];
        int i = 0;
        decorators.CopyTo(children, i);
        i += decorators.Length;
        if (typeParameters is not null)
        {
            children[i++] = typeParameters;
        }

        children[i++] = parameters;
        if (returnAnnotation is not null)
        {
            children[i++] = returnAnnotation;
        }

        children[i++] = body;
        return children;
    }
}
