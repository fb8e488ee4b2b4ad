using System.Globalization;

namespace SweLego.Environments.Toml;

/// <summary>A TOML local date such as <c>1979-05-27</c>.</summary>
public sealed record TomlLocalDate(DateOnly Value) : TomlValue
{
    public override string ToString() => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
