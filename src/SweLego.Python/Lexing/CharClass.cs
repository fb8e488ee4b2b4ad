using System.Globalization;
using System.Text;

namespace SweLego.Python.Lexing;

/// <summary>Character classes of the tokenizer: ASCII by table, the rest by Unicode category (XID).</summary>
internal static class CharClass
{
    private const byte IdentStart = 1;
    private const byte IdentContinue = 2;
    private const byte Digit = 4;
    private const byte HexDigit = 8;

    private static readonly byte[] Ascii = BuildAscii();

    public static bool IsIdentifierStart(byte b) => (Ascii[b] & IdentStart) != 0;

    public static bool IsIdentifierContinue(byte b) => (Ascii[b] & IdentContinue) != 0;

    public static bool IsDigit(int c) => (uint)(c - '0') <= 9;

    public static bool IsHexDigit(int c) => c >= 0 && c < 128 && (Ascii[c] & HexDigit) != 0;

    /// <summary>CPython's is_potential_identifier_char: ASCII letters, digits, '_' and any non-ASCII byte.</summary>
    public static bool IsPotentialIdentifierChar(int c) => c >= 128 || (c >= 0 && (Ascii[c] & IdentContinue) != 0);

    public static bool IsXidStart(Rune r)
    {
        if (r.Value < 128)
        {
            return IsIdentifierStart((byte)r.Value);
        }

        switch (Rune.GetUnicodeCategory(r))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
                return !IsXidExcluded(r.Value);
            default:
                // Other_ID_Start.
                return r.Value is 0x1885 or 0x1886 or 0x2118 or 0x212E;
        }
    }

    public static bool IsXidContinue(Rune r)
    {
        if (r.Value < 128)
        {
            return IsIdentifierContinue((byte)r.Value);
        }

        if (IsXidStart(r))
        {
            return true;
        }

        switch (Rune.GetUnicodeCategory(r))
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
                return true;
            default:
                // Other_ID_Continue, plus ZWNJ/ZWJ which Unicode 15 allows in identifiers.
                return r.Value is 0x00B7 or 0x0387 or (>= 0x1369 and <= 0x1371) or 0x19DA or 0x200C or 0x200D;
        }
    }

    /// <summary>Python's str.isprintable for one character: not a control, format, separator or unassigned one.</summary>
    public static bool IsPrintable(Rune r)
    {
        if (r.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    // Letters whose NFKC form is not an identifier (XID_Start excludes them though ID_Start has them).
    private static bool IsXidExcluded(int c) => c is 0x037A or 0x0E33 or 0x0EB3 or 0x309B or 0x309C
        or (>= 0xFC5E and <= 0xFC63) or 0xFDFA or 0xFDFB or 0xFE70 or 0xFE72 or 0xFE74 or 0xFE76 or 0xFE78
        or 0xFE7A or 0xFE7C or 0xFE7E or (>= 0xFF9E and <= 0xFF9F);

    private static byte[] BuildAscii()
    {
        var table = new byte[256];
        for (int c = 0; c < 128; c++)
        {
            if (char.IsAsciiLetter((char)c) || c == '_')
            {
                table[c] |= IdentStart | IdentContinue;
            }

            if (char.IsAsciiDigit((char)c))
            {
                table[c] |= IdentContinue | Digit | HexDigit;
            }

            if (char.IsAsciiHexDigitLower((char)c) || char.IsAsciiHexDigitUpper((char)c))
            {
                table[c] |= HexDigit;
            }
        }

        return table;
    }
}
