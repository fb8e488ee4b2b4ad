namespace SweLego.Python.Syntax;

/// <summary>One parameter slot: <c>name[: annotation][= default]</c>, <c>*args</c>, <c>**kwargs</c>, bare <c>*</c> or <c>/</c>.</summary>
public sealed class ParameterSyntax : SyntaxNode
{
    private readonly int nameToken;

    internal ParameterSyntax(int nameToken, ExpressionSyntax? annotation, ExpressionSyntax? @default, ParameterKind parameterKind)
        : base(SyntaxKind.Parameter, ChildArray(annotation, @default))
    {
        this.nameToken = nameToken;
        Annotation = annotation;
        Default = @default;
        ParameterKind = parameterKind;
    }

    public SyntaxToken? NameToken => OptionalTokenAt(nameToken);

    public ExpressionSyntax? Annotation { get; }

    public ExpressionSyntax? Default { get; }

    public ParameterKind ParameterKind { get; }

    public string? Name => NameToken?.Text;
}
