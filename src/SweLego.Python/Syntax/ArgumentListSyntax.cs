namespace SweLego.Python.Syntax;

/// <summary><c>(arguments)</c> of a call or class header, parentheses included.</summary>
public sealed class ArgumentListSyntax : SyntaxNode
{
    internal ArgumentListSyntax(ArgumentSyntax[] arguments)
        : base(SyntaxKind.ArgumentList, arguments)
    {
        Arguments = arguments;
    }

    public IReadOnlyList<ArgumentSyntax> Arguments { get; }
}
