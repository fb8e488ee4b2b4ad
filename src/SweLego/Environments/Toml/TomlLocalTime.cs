using System.Globalization;

namespace SweLego.Environments.Toml;

/// <summary>A TOML local time such as <c>07:32:00.5</c>.</summary>
public sealed record TomlLocalTime(TimeOnly Value) : TomlValue
{
    public override string ToString() => Value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
