namespace SweLego.Python.Syntax;

/// <summary><c>{key: p, **rest}</c>.</summary>
public sealed class MatchMappingPatternSyntax : PatternSyntax
{
    private readonly int restToken;

    internal MatchMappingPatternSyntax(MatchMappingEntrySyntax[] entries, int restToken)
        : base(SyntaxKind.MatchMappingPattern, entries)
    {
        Entries = entries;
        this.restToken = restToken;
    }

    public IReadOnlyList<MatchMappingEntrySyntax> Entries { get; }

    public SyntaxToken? RestToken => OptionalTokenAt(restToken);
}
