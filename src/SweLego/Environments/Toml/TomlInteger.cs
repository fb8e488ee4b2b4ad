using System.Globalization;

namespace SweLego.Environments.Toml;

/// <summary>A TOML integer; TOML integers are 64-bit signed.</summary>
public sealed record TomlInteger(long Value) : TomlValue
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
