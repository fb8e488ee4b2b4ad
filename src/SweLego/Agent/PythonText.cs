using System.Globalization;

namespace SweLego.Agent;

/// <summary>
/// Python's own renderings where observation texts must match OpenHands byte for byte:
/// <c>str.strip()</c> (its whitespace includes the separators U+001C–U+001F, which .NET's does
/// not) and <c>repr(float)</c> (shortest round-trip digits, <c>1e-05</c>, <c>1e+16</c>, <c>30.0</c>).
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
}
