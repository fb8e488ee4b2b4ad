namespace SweLego.Python.Syntax;

/// <summary><c>[T, *Ts, **P]</c> after a function, class or type alias name (3.12).</summary>
public sealed class TypeParameterListSyntax : SyntaxNode
{
    internal TypeParameterListSyntax(TypeParameterSyntax[] parameters)
        : base(SyntaxKind.TypeParameterList, parameters)
    {
        Parameters = parameters;
    }

    public IReadOnlyList<TypeParameterSyntax> Parameters { get; }
}
