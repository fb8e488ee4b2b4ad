namespace SweLego.Python.Syntax;

/// <summary><c>{expression[=][!conversion][:format_spec]}</c> inside an f-string.</summary>
public sealed class FStringReplacementFieldSyntax : SyntaxNode
{
    private readonly int conversionToken;

    internal FStringReplacementFieldSyntax(ExpressionSyntax expression, int conversionToken, FStringFormatSpecSyntax? formatSpec, bool hasDebugEquals)
        : base(SyntaxKind.FStringReplacementField, ChildArray(expression, formatSpec))
    {
        Expression = expression;
        this.conversionToken = conversionToken;
        FormatSpec = formatSpec;
        HasDebugEquals = hasDebugEquals;
    }

    public ExpressionSyntax Expression { get; }

    public SyntaxToken? ConversionToken => OptionalTokenAt(conversionToken);

    public FStringFormatSpecSyntax? FormatSpec { get; }

    public bool HasDebugEquals { get; }
}
