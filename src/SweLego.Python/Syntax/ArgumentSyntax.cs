namespace SweLego.Python.Syntax;

/// <summary>One argument: positional, <c>name=value</c>, <c>*value</c> or <c>**value</c>.</summary>
public sealed class ArgumentSyntax : SyntaxNode
{
    private readonly int nameToken;

    internal ArgumentSyntax(int nameToken, ExpressionSyntax value, ArgumentKind argumentKind)
        : base(SyntaxKind.Argument, ChildArray(value))
    {
        this.nameToken = nameToken;
        Value = value;
        ArgumentKind = argumentKind;
    }

    public SyntaxToken? NameToken => OptionalTokenAt(nameToken);

    public ExpressionSyntax Value { get; }

    public ArgumentKind ArgumentKind { get; }
}
