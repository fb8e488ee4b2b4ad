using System.Buffers;
using System.Globalization;
using System.Text;

namespace SweLego.Tokenization;

/// <summary>
/// Finds added tokens in text the way Hugging Face's added vocabulary does: leftmost-longest, non-overlapping
/// matches (its Aho-Corasick automaton), a <see cref="AddedToken.SingleWord"/> match dropped when a word
/// character touches it (the search still resumes after it), <see cref="AddedToken.LeftStrip"/> and
/// <see cref="AddedToken.RightStrip"/> widening a match over the whitespace beside it.
/// </summary>
internal sealed class AddedTokenMatcher
{
    private readonly SearchValues<char> _firstChars;
    private readonly Dictionary<char, AddedToken[]> _byFirstChar;

    public AddedTokenMatcher(IEnumerable<AddedToken> tokens, Func<string, string> contentOf)
    {
        // Longest first, so the first one that matches at a position is the longest.
        _byFirstChar = tokens
            .Select(token => (Token: token, Text: contentOf(token.Content)))
            .Where(t => t.Text.Length > 0)
            .GroupBy(t => t.Text[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Text.Length).Select(t => t.Token with { Content = t.Text }).ToArray());
        _firstChars = SearchValues.Create([.. _byFirstChar.Keys]);
    }

    public bool IsEmpty => _byFirstChar.Count == 0;

    /// <summary>The next added token at or after <paramref name="from"/>: its id and its span (widened by strips), or false.</summary>
    public bool TryFindNext(ReadOnlySpan<char> text, int from, int previousEnd, out int id, out int start, out int end)
    {
        int at = from;
        while (at < text.Length)
        {
            int found = text[at..].IndexOfAny(_firstChars);
            if (found < 0) break;
            at += found;
            AddedToken? match = Longest(text, at);
            if (match is null)
            {
                at++;
                continue;
            }
            start = at;
            end = at + match.Content.Length;
            if (match.SingleWord && ((start > 0 && IsWordBefore(text, start)) || (end < text.Length && IsWordAt(text, end))))
            {
                at = end;
                continue;
            }
            if (match.LeftStrip)
            {
                while (start > previousEnd && Rune.DecodeLastFromUtf16(text[..start], out Rune r, out int w) == OperationStatus.Done && Rune.IsWhiteSpace(r)) start -= w;
            }
            if (match.RightStrip)
            {
                while (end < text.Length && Rune.DecodeFromUtf16(text[end..], out Rune r, out int w) == OperationStatus.Done && Rune.IsWhiteSpace(r)) end += w;
            }
            id = match.Id;
            return true;
        }
        id = start = end = -1;
        return false;
    }

    private AddedToken? Longest(ReadOnlySpan<char> text, int at)
    {
        foreach (var token in _byFirstChar[text[at]])
        {
            if (text[at..].StartsWith(token.Content, StringComparison.Ordinal)) return token;
        }
        return null;
    }

    private static bool IsWordBefore(ReadOnlySpan<char> text, int at) =>
        Rune.DecodeLastFromUtf16(text[..at], out Rune rune, out _) == OperationStatus.Done && IsWord(rune);

    private static bool IsWordAt(ReadOnlySpan<char> text, int at) =>
        Rune.DecodeFromUtf16(text[at..], out Rune rune, out _) == OperationStatus.Done && IsWord(rune);

    /// <summary>Rust regex's Unicode <c>\w</c>: letters, marks, decimal and letter numbers, connector punctuation, joiners.</summary>
    private static bool IsWord(Rune rune) => rune.Value is 0x200C or 0x200D || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };
}
