using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweLego.Agent;

/// <summary>
/// Python's own renderings where what the model sees must match OpenHands byte for byte:
/// <c>str.strip()</c> (its whitespace includes the separators U+001C–U+001F, which .NET's does
/// not) and <c>repr(float)</c> (shortest round-trip digits, <c>1e-05</c>, <c>1e+16</c>, <c>30.0</c>)
/// in observations; <c>repr</c> of strings, lists, sets and parsed JSON in the protocol's error
/// messages, and <c>json.dumps</c> (default separators, ASCII escaping) for arrays in re-rendered
/// calls. Sets are listed in the order given (Python's order depends on the process's hash seed).
/// </summary>
internal static class PythonText
{
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001c' and <= '\u001f';

    public static string Strip(string text) => StripEnd(StripStart(text));

    public static string StripStart(string text)
    {
        int start = 0;
        while (start < text.Length && IsSpace(text[start])) start++;
        return text[start..];
    }

    public static string StripEnd(string text)
    {
        int end = text.Length;
        while (end > 0 && IsSpace(text[end - 1])) end--;
        return text[..end];
    }

    /// <summary><c>repr(value)</c>: fixed notation for decimal exponents -4 to 15, else scientific.</summary>
    public static string FloatRepr(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";

        // .NET's "R" gives the same shortest round-trip digits; only the layout differs.
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        string sign = r.StartsWith('-') ? "-" : "";
        r = r.TrimStart('-');
        int exponent = 0;
        int e = r.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        int dot = r.IndexOf('.', StringComparison.Ordinal);
        string whole = dot < 0 ? r : r[..dot];
        string all = whole + (dot < 0 ? "" : r[(dot + 1)..]);

        // value = 0.<digits> × 10^point
        int point = whole.Length + exponent;
        string digits = all.TrimStart('0');
        point -= all.Length - digits.Length;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) return sign + "0.0";

        int decimalExponent = point - 1;
        if (decimalExponent is < -4 or >= 16)
        {
            string mantissa = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
            return $"{sign}{mantissa}e{(decimalExponent < 0 ? '-' : '+')}{Math.Abs(decimalExponent):00}";
        }

        if (point <= 0) return $"{sign}0.{new string('0', -point)}{digits}";
        if (point >= digits.Length) return $"{sign}{digits}{new string('0', point - digits.Length)}.0";
        return $"{sign}{digits[..point]}.{digits[point..]}";
    }

    public static string Repr(string value)
    {
        char quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var text = new StringBuilder().Append(quote);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value == quote || rune.Value == '\\') text.Append('\\').Append((char)rune.Value);
            else if (rune.Value == '\t') text.Append("\\t");
            else if (rune.Value == '\n') text.Append("\\n");
            else if (rune.Value == '\r') text.Append("\\r");
            else if (IsPrintable(rune)) text.Append(rune.ToString());
            else if (rune.Value < 0x100) text.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
            else if (rune.Value < 0x10000) text.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
            else text.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
        }
        return text.Append(quote).ToString();
    }

    public static string ReprList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Repr)) + "]";

    public static string ReprSet(IEnumerable<string> values)
    {
        var items = values.Select(Repr).ToList();
        return items.Count == 0 ? "set()" : "{" + string.Join(", ", items) + "}";
    }

    /// <summary><c>repr</c> of what <c>json.loads</c> returns for <paramref name="node"/>.</summary>
    public static string Repr(JsonNode? node) => node switch
    {
        null => "None",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => Repr(p.Key) + ": " + Repr(p.Value))) + "}",
        JsonArray array => "[" + string.Join(", ", array.Select(Repr)) + "]",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => Repr(node.GetValue<string>()),
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => node.ToJsonString(),
        },
    };

    /// <summary><c>json.dumps(value)</c> with Python's defaults: <c>", "</c> and <c>": "</c> separators, non-ASCII escaped.</summary>
    public static string JsonDumps(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => JsonString(p.Key) + ": " + JsonDumps(p.Value))) + "}",
        JsonArray array => "[" + string.Join(", ", array.Select(JsonDumps)) + "]",
        _ => node.GetValueKind() == JsonValueKind.String ? JsonString(node.GetValue<string>()) : node.ToJsonString(),
    };

    private static string JsonString(string value)
    {
        var text = new StringBuilder();
        Tasks.Harness.PythonJson.WriteString(text, value);
        return text.ToString();
    }

    /// <summary>Python's <c>str.isprintable</c> for one character: not a control, format, surrogate, private, unassigned or separator other than the space.</summary>
    private static bool IsPrintable(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    };
}
