namespace SweLego.Environments.Toml;

/// <summary>
/// A parsed TOML file: its root table and the path it was read from (null for text that did not
/// come from a file). The lookup helpers forward to <see cref="Root"/>.
/// </summary>
public sealed record TomlDocument(TomlTable Root, string? Path)
{
    public TomlValue? Get(params ReadOnlySpan<string> path) => Root.Get(path);

    public TomlTable? GetTable(params ReadOnlySpan<string> path) => Root.GetTable(path);

    public TomlArray? GetArray(params ReadOnlySpan<string> path) => Root.GetArray(path);

    public string? GetString(params ReadOnlySpan<string> path) => Root.GetString(path);

    public IReadOnlyList<string>? GetStringArray(params ReadOnlySpan<string> path) => Root.GetStringArray(path);

    public IReadOnlyList<TomlTable>? GetTableArray(params ReadOnlySpan<string> path) => Root.GetTableArray(path);
}
