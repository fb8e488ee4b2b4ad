namespace SweLego.Python.Syntax;

/// <summary><c>{k: v, **rest}</c>.</summary>
public sealed class DictExpressionSyntax : ExpressionSyntax
{
    internal DictExpressionSyntax(DictEntrySyntax[] entries)
        : base(SyntaxKind.DictExpression, entries)
    {
        Entries = entries;
    }

    public IReadOnlyList<DictEntrySyntax> Entries { get; }
}
