using SweLego.Python.Syntax;

namespace SweLego.Python.Lexing;

/// <summary>
/// One token as offsets into the UTF-8 text. Its leading trivia runs from the previous token's
/// <see cref="End"/> to <see cref="Start"/>, so the token array partitions the whole text.
/// </summary>
internal readonly struct Token(TokenKind kind, int start, int end)
{
    public readonly int Start = start;
    public readonly int End = end;
    public readonly TokenKind Kind = kind;
}
