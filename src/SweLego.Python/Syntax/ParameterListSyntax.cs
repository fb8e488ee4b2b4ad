namespace SweLego.Python.Syntax;

/// <summary>The parameters of a <c>def</c> (with parentheses) or <c>lambda</c> (without).</summary>
public sealed class ParameterListSyntax : SyntaxNode
{
    internal ParameterListSyntax(ParameterSyntax[] parameters, bool hasParentheses)
        : base(SyntaxKind.ParameterList, parameters)
    {
        Parameters = parameters;
        HasParentheses = hasParentheses;
    }

    public IReadOnlyList<ParameterSyntax> Parameters { get; }

    public bool HasParentheses { get; }
}
