namespace SweLego.Environments.Toml;

/// <summary>A TOML boolean.</summary>
public sealed record TomlBoolean(bool Value) : TomlValue
{
    public override string ToString() => Value ? "true" : "false";
}
