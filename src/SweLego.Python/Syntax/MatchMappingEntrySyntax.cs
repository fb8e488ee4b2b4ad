namespace SweLego.Python.Syntax;

/// <summary><c>key: pattern</c> in a mapping pattern.</summary>
public sealed class MatchMappingEntrySyntax : SyntaxNode
{
    internal MatchMappingEntrySyntax(ExpressionSyntax key, PatternSyntax pattern)
        : base(SyntaxKind.MatchMappingEntry, ChildArray(key, pattern))
    {
        Key = key;
        Pattern = pattern;
    }

    public ExpressionSyntax Key { get; }

    public PatternSyntax Pattern { get; }
}
