using SweLego.Python.Text;

namespace SweLego.Python.Syntax;

/// <summary>
/// A view of one token of a parsed module. Cheap to copy: it is the module and an index into its
/// token array. Its leading trivia (spaces, comments, blank lines, line continuations) is the text
/// between the previous token and this one.
/// </summary>
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    private readonly ParsedModule module;

    internal SyntaxToken(ParsedModule module, int index)
    {
        this.module = module;
        Index = index;
    }

    /// <summary>Position in the module's token array (see <see cref="ParsedModule.GetToken"/>).</summary>
    public int Index { get; }

    public TokenKind Kind => module.TokenArray[Index].Kind;

    /// <summary>The token's own bytes, without leading trivia. Empty for INDENT, DEDENT and the end of file.</summary>
    public TextSpan Span => new(module.TokenArray[Index].Start, module.TokenArray[Index].End);

    /// <summary>The token with its leading trivia.</summary>
    public TextSpan FullSpan => new(module.TriviaStart(Index), module.TokenArray[Index].End);

    public string Text => module.Text.GetText(Span);

    public string LeadingTrivia => module.Text.GetText(new TextSpan(module.TriviaStart(Index), module.TokenArray[Index].Start));

    public SourceLocation Start => module.Text.GetLocation(module.TokenArray[Index].Start);

    public SourceLocation End => module.Text.GetLocation(module.TokenArray[Index].End);

    public bool Equals(SyntaxToken other) => ReferenceEquals(module, other.module) && Index == other.Index;

    public override bool Equals(object? obj) => obj is SyntaxToken other && Equals(other);

    public override int GetHashCode() => Index;

    public override string ToString() => Text;

    public static bool operator ==(SyntaxToken left, SyntaxToken right) => left.Equals(right);

    public static bool operator !=(SyntaxToken left, SyntaxToken right) => !left.Equals(right);
}
