namespace SweLego.Environments.Toml;

/// <summary>
/// A table while the parser is still filling it. Entries hold a nested <see cref="TableBuilder"/>,
/// a <see cref="List{T}"/> of them for an array of tables, or a finished <see cref="TomlValue"/>
/// (inline tables and static arrays are finished the moment they close, which is exactly what
/// makes them impossible to extend later).
/// </summary>
internal sealed class TableBuilder(TableOrigin origin)
{
    public TableOrigin Origin { get; set; } = origin;

    public OrderedDictionary<string, object> Entries { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each key was first defined, so a redefinition error can point back at it.</summary>
    public Dictionary<string, int> Offsets { get; } = new(StringComparer.Ordinal);

    public void Add(string key, object entry, int offset)
    {
        Entries.Add(key, entry);
        Offsets.Add(key, offset);
    }

    public TomlTable Freeze()
    {
        var entries = new OrderedDictionary<string, TomlValue>(Entries.Count, StringComparer.Ordinal);
        foreach (var (key, entry) in Entries)
        {
            entries.Add(key, entry switch
            {
                TableBuilder table => table.Freeze(),
                List<TableBuilder> tables => new TomlArray(tables.Select(t => (TomlValue)t.Freeze())),
                _ => (TomlValue)entry,
            });
        }

        return TomlTable.Adopt(entries);
    }

    public static string Describe(object entry) => entry switch
    {
        TableBuilder => "a table",
        List<TableBuilder> => "an array of tables",
        TomlTable => "an inline table",
        TomlArray => "an array",
        TomlString => "a string",
        TomlInteger => "an integer",
        TomlFloat => "a float",
        TomlBoolean => "a boolean",
        _ => "a date/time",
    };
}
