using System.Globalization;
using System.Text;

namespace SweLego.Tokenization;

/// <summary>
/// The Qwen2/Qwen3 pre-tokenizer split, <see cref="Pattern"/>, written out by hand over code points.
/// .NET's <c>Regex</c> classifies UTF-16 code units, so <c>\p{L}</c> and <c>\p{N}</c> never match a character
/// outside the BMP (U+1D400 𝐀, U+1D7D8 𝟘, CJK Extension B), while Hugging Face's Oniguruma regex does; this
/// classifies each <see cref="Rune"/> instead, and is faster than any regex. Each alternative of the pattern is
/// tried in order at a position, as the regex does (first alternative that matches, not the longest).
/// </summary>
internal static class QwenPreTokenizer
{
    /// <summary>The <c>Split</c> regex of Qwen's tokenizer.json; a file with any other pattern is refused at load.</summary>
    public const string Pattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private enum Kind : byte { Other, Letter, Number, Space, Newline }

    private static readonly Kind[] Ascii = BuildAsciiTable();

    /// <summary>The length in chars of the pre-token that starts at <paramref name="start"/> (always ≥ 1).</summary>
    public static int MatchLength(ReadOnlySpan<char> text, int start)
    {
        Kind first = Classify(text, start, out int width);
        if (text[start] == '\'' && Contraction(text, start + 1) is > 0 and var contraction) return 1 + contraction;

        // [^\r\n\p{L}\p{N}]?\p{L}+
        if (first == Kind.Letter) return Run(text, start + width, Kind.Letter) - start;
        if (first is Kind.Other or Kind.Space && start + width < text.Length && Classify(text, start + width, out _) == Kind.Letter)
            return Run(text, start + width, Kind.Letter) - start;

        // \p{N}
        if (first == Kind.Number) return width;

        // ' ?[^\s\p{L}\p{N}]+[\r\n]*'
        int others = first == Kind.Other ? start : text[start] == ' ' ? start + 1 : -1;
        if (others >= 0 && others < text.Length && Classify(text, others, out _) == Kind.Other)
            return Run(text, Run(text, others, Kind.Other), Kind.Newline) - start;

        // What is left starts with whitespace: \s*[\r\n]+ | \s+(?!\S) | \s+
        int end = start, lastNewline = -1;
        while (end < text.Length)
        {
            Kind kind = Classify(text, end, out int w);
            if (kind is not (Kind.Space or Kind.Newline)) break;
            if (kind == Kind.Newline) lastNewline = end;
            end += w;
        }
        if (lastNewline >= 0) return lastNewline + 1 - start;
        if (end == text.Length || end - start == 1) return end - start;
        return end - 1 - start; // every whitespace character is in the BMP: one char
    }

    /// <summary>
    /// The letters after an apostrophe that <c>(?i:'s|'t|'re|'ve|'m|'ll|'d)</c> takes (0 when none). Case-insensitive
    /// as Oniguruma folds: ſ (U+017F LATIN SMALL LETTER LONG S) folds to s.
    /// </summary>
    private static int Contraction(ReadOnlySpan<char> text, int at)
    {
        if (at >= text.Length) return 0;
        char c = char.ToLowerInvariant(text[at]);
        if (c is 's' or 't' or 'm' or 'd' or '\u017F') return 1;
        if (at + 1 >= text.Length) return 0;
        char d = char.ToLowerInvariant(text[at + 1]);
        return (c, d) is ('r', 'e') or ('v', 'e') or ('l', 'l') ? 2 : 0;
    }

    private static int Run(ReadOnlySpan<char> text, int at, Kind kind)
    {
        while (at < text.Length && Classify(text, at, out int width) == kind) at += width;
        return at;
    }

    private static Kind Classify(ReadOnlySpan<char> text, int at, out int width)
    {
        char c = text[at];
        if (c < 128)
        {
            width = 1;
            return Ascii[c];
        }
        // An unpaired surrogate decodes to U+FFFD (a symbol), as it does in UTF-8 on the way to the reference.
        Rune.DecodeFromUtf16(text[at..], out Rune rune, out width);
        if (Rune.IsWhiteSpace(rune)) return rune.Value is '\r' or '\n' ? Kind.Newline : Kind.Space;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => Kind.Letter,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => Kind.Number,
            _ => Kind.Other,
        };
    }

    private static Kind[] BuildAsciiTable()
    {
        var table = new Kind[128];
        for (int c = 0; c < 128; c++)
        {
            table[c] = c is '\r' or '\n' ? Kind.Newline
                : char.IsWhiteSpace((char)c) ? Kind.Space
                : char.IsAsciiLetter((char)c) ? Kind.Letter
                : char.IsAsciiDigit((char)c) ? Kind.Number
                : Kind.Other;
        }
        return table;
    }
}
