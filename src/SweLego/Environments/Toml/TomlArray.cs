using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace SweLego.Environments.Toml;

/// <summary>
/// A TOML array: a static array (<c>[1, 2]</c>) or an array of tables (<c>[[name]]</c>), whose
/// items are then <see cref="TomlTable"/>s. Items may mix types, as TOML 1.0 allows.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named after the TOML specification's own terms.")]
public sealed record TomlArray : TomlValue, IReadOnlyList<TomlValue>
{
    public TomlArray(IEnumerable<TomlValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = [.. items];
        foreach (var item in Items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
        }
    }

    public static TomlArray Empty { get; } = new([]);

    public ImmutableArray<TomlValue> Items { get; }

    public int Count => Items.Length;

    public TomlValue this[int index] => Items[index];

    /// <summary>The items as strings, or null when any item is not a string.</summary>
    public IReadOnlyList<string>? AsStrings()
    {
        var strings = new string[Items.Length];
        for (var i = 0; i < strings.Length; i++)
        {
            if (Items[i] is not TomlString text)
            {
                return null;
            }

            strings[i] = text.Value;
        }

        return strings;
    }

    /// <summary>The items as tables (an array of tables), or null when any item is not a table.</summary>
    public IReadOnlyList<TomlTable>? AsTables()
    {
        var tables = new TomlTable[Items.Length];
        for (var i = 0; i < tables.Length; i++)
        {
            if (Items[i] is not TomlTable table)
            {
                return null;
            }

            tables[i] = table;
        }

        return tables;
    }

    public IEnumerator<TomlValue> GetEnumerator() => ((IEnumerable<TomlValue>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(TomlArray? other) =>
        ReferenceEquals(this, other) || (other is not null && Items.AsSpan().SequenceEqual(other.Items.AsSpan()));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", Items) + "]";
}
