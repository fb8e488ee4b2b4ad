namespace SweLego.Python.Syntax;

/// <summary><c>key: value</c>, or <c>**value</c> when <see cref="Key"/> is null.</summary>
public sealed class DictEntrySyntax : SyntaxNode
{
    internal DictEntrySyntax(ExpressionSyntax? key, ExpressionSyntax value)
        : base(SyntaxKind.DictEntry, ChildArray(key, value))
    {
        Key = key;
        Value = value;
    }

    public ExpressionSyntax? Key { get; }

    public ExpressionSyntax Value { get; }
}
