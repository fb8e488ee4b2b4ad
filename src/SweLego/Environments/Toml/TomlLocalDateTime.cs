using System.Globalization;

namespace SweLego.Environments.Toml;

/// <summary>A TOML local date-time (no offset), such as <c>1979-05-27T07:32:00</c>; the kind is Unspecified.</summary>
public sealed record TomlLocalDateTime(DateTime Value) : TomlValue
{
    public override string ToString() => Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
