using System.Globalization;

namespace SweLego.Environments.Toml;

/// <summary>A TOML float (IEEE 754 binary64), including <c>inf</c>, <c>-inf</c> and <c>nan</c>.</summary>
public sealed record TomlFloat(double Value) : TomlValue
{
    public override string ToString()
    {
        if (double.IsNaN(Value))
        {
            return "nan";
        }

        if (double.IsInfinity(Value))
        {
            return Value > 0 ? "inf" : "-inf";
        }

        var text = Value.ToString("R", CultureInfo.InvariantCulture);
        // "1" would read back as an integer; keep the float a float.
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
