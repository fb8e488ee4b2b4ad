namespace SweLego.Environments.Toml;

/// <summary>A TOML string (basic, literal or multi-line), with escapes already resolved.</summary>
public sealed record TomlString(string Value) : TomlValue
{
    public override string ToString() => TomlFormat.Quote(Value);
}
