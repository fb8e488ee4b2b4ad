using System.Globalization;

namespace SweLego.Environments.Toml;

/// <summary>
/// A TOML offset date-time such as <c>1979-05-27T07:32:00Z</c>. Fractions finer than 100 ns are
/// truncated (TOML only requires millisecond precision).
/// </summary>
public sealed record TomlOffsetDateTime(DateTimeOffset Value) : TomlValue
{
    public override string ToString() => Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
