namespace SweLego.Python.Syntax;

/// <summary><c>key: pattern</c> in a mapping pattern.</summary>
public sealed class MatchMappingEntrySyntax : SyntaxNode
{
    internal MatchMappingEntrySyntax(ExpressionSyntax key, PatternSyntax pattern)
        : base(SyntaxKind.MatchMappingEntry, Children(key, pattern))
    {
        Key = key;
        Pattern = pattern;
    }

    public ExpressionSyntax Key { get; }

    public PatternSyntax Pattern { get; }

    private static SyntaxNode[] Children(ExpressionSyntax key, PatternSyntax pattern)
    {
        var children = new SyntaxNode[2];
        int i = 0;
        children[i++] = key;
        children[i++] = pattern;
        return children;
    }
}
