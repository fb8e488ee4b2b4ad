namespace SweLego.Environments.Toml;

/// <summary>
/// A TOML value: a <see cref="TomlTable"/>, a <see cref="TomlArray"/>, or one of the scalar
/// records (<see cref="TomlString"/>, <see cref="TomlInteger"/>, <see cref="TomlFloat"/>,
/// <see cref="TomlBoolean"/>, <see cref="TomlOffsetDateTime"/>, <see cref="TomlLocalDateTime"/>,
/// <see cref="TomlLocalDate"/>, <see cref="TomlLocalTime"/>).
/// Values are immutable and compare structurally, so a parsed document can be checked against
/// an expected one with plain equality. <c>ToString</c> renders the value in TOML syntax.
/// </summary>
public abstract record TomlValue;
