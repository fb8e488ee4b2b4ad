namespace SweLego.Python.Syntax;

/// <summary><c>key: value</c>, or <c>**value</c> when <see cref="Key"/> is null.</summary>
public sealed class DictEntrySyntax : SyntaxNode
{
    internal DictEntrySyntax(ExpressionSyntax? key, ExpressionSyntax value)
        : base(SyntaxKind.DictEntry, Children(key, value))
    {
        Key = key;
        Value = value;
    }

    public ExpressionSyntax? Key { get; }

    public ExpressionSyntax Value { get; }

    private static SyntaxNode[] Children(ExpressionSyntax? key, ExpressionSyntax value)
    {
        var children = new SyntaxNode[1 + (key is null ? 0 : 1)];
        int i = 0;
        if (key is not null)
        {
            children[i++] = key;
        }

        children[i++] = value;
        return children;
    }
}
