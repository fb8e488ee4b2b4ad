using Tomlyn.Model;

namespace SweLego.Environments.Toml;

/// <summary>
/// A parsed TOML file: Tomlyn's model of it (<see cref="Root"/>) and the path it was read from
/// (null for text that did not come from a file). Model values are <see cref="TomlTable"/> (tables
/// and inline tables, keys in document order), <see cref="TomlArray"/> (arrays, also of inline
/// tables), <see cref="TomlTableArray"/> (<c>[[name]]</c> arrays of tables), <see cref="string"/>,
/// <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> and <see cref="Tomlyn.TomlDateTime"/>.
/// </summary>
/// <remarks>
/// The getters walk a key path (<c>GetTable("tool", "pytest", "ini_options")</c>) and return null
/// when a key is missing or holds another type, because configuration readers treat both the same
/// way: the setting is not usable, fall back to the next source. To read inside a table found
/// elsewhere (an element of an array of tables), wrap it: <c>new TomlDocument(table, Path)</c>.
/// </remarks>
public sealed class TomlDocument(TomlTable root, string? path)
{
    public TomlTable Root { get; } = root ?? throw new ArgumentNullException(nameof(root));

    public string? Path { get; } = path;

    /// <summary>The model value at a key path, or null when a key is missing or an intermediate value is not a table.</summary>
    public object? Get(params ReadOnlySpan<string> path)
    {
        object? current = Root;
        foreach (var key in path)
        {
            if (current is not TomlTable table || !table.TryGetValue(key, out current))
            {
                return null;
            }
        }

        return current;
    }

    public TomlTable? GetTable(params ReadOnlySpan<string> path) => Get(path) as TomlTable;

    public string? GetString(params ReadOnlySpan<string> path) => Get(path) as string;

    /// <summary>An array of strings at a key path; null when missing, not an array, or holding non-strings.</summary>
    public IReadOnlyList<string>? GetStringArray(params ReadOnlySpan<string> path) =>
        Get(path) is TomlArray array && array.All(item => item is string) ? [.. array.Cast<string>()] : null;

    /// <summary>
    /// The tables of <c>[[name]]</c> headers or of an array of inline tables (<c>name = [{ ... }]</c>;
    /// Poetry's <c>packages</c> is written both ways); null when missing or holding non-tables.
    /// </summary>
    public IReadOnlyList<TomlTable>? GetTableArray(params ReadOnlySpan<string> path) => Get(path) switch
    {
        TomlTableArray tables => [.. tables],
        TomlArray array when array.All(item => item is TomlTable) => [.. array.Cast<TomlTable>()],
        _ => null,
    };
}
