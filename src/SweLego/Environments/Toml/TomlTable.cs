using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SweLego.Environments.Toml;

/// <summary>
/// A TOML table: keys in document order mapped to values. Immutable once built.
/// The <c>Get*</c> helpers walk a key path (<c>GetTable("tool", "pytest", "ini_options")</c>)
/// and return null when a key is missing or holds another type, because configuration readers
/// treat both the same way: the setting is not usable, fall back to the next source.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named after the TOML specification's own terms.")]
public sealed record TomlTable : TomlValue, IReadOnlyDictionary<string, TomlValue>
{
    private readonly OrderedDictionary<string, TomlValue> _entries;

    public TomlTable(IEnumerable<KeyValuePair<string, TomlValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = new OrderedDictionary<string, TomlValue>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(entries));
            ArgumentNullException.ThrowIfNull(value, nameof(entries));
            if (!_entries.TryAdd(key, value))
            {
                throw new ArgumentException($"Duplicate key '{key}'.", nameof(entries));
            }
        }
    }

    // The parser hands over a dictionary it no longer touches, so no copy is needed.
    private TomlTable(OrderedDictionary<string, TomlValue> entries) => _entries = entries;

    public static TomlTable Empty { get; } = new([]);

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Keys;

    public IEnumerable<TomlValue> Values => _entries.Values;

    public TomlValue this[string key] => _entries[key];

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TomlValue value) => _entries.TryGetValue(key, out value);

    /// <summary>Gets the value at <paramref name="key"/> when it exists and is a <typeparamref name="T"/>.</summary>
    public bool TryGet<T>(string key, [NotNullWhen(true)] out T? value)
        where T : TomlValue
    {
        value = _entries.TryGetValue(key, out var found) ? found as T : null;
        return value is not null;
    }

    /// <summary>The value at a key path, or null when a key is missing or an intermediate value is not a table.</summary>
    public TomlValue? Get(params ReadOnlySpan<string> path)
    {
        TomlValue current = this;
        foreach (var key in path)
        {
            if (current is not TomlTable table || !table._entries.TryGetValue(key, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public TomlTable? GetTable(params ReadOnlySpan<string> path) => Get(path) as TomlTable;

    public TomlArray? GetArray(params ReadOnlySpan<string> path) => Get(path) as TomlArray;

    public string? GetString(params ReadOnlySpan<string> path) => (Get(path) as TomlString)?.Value;

    public long? GetInteger(params ReadOnlySpan<string> path) => (Get(path) as TomlInteger)?.Value;

    public bool? GetBoolean(params ReadOnlySpan<string> path) => (Get(path) as TomlBoolean)?.Value;

    /// <summary>An array of strings at a key path; null when missing, not an array, or holding non-strings.</summary>
    public IReadOnlyList<string>? GetStringArray(params ReadOnlySpan<string> path) => GetArray(path)?.AsStrings();

    /// <summary>An array of tables (<c>[[name]]</c> or an array of inline tables) at a key path.</summary>
    public IReadOnlyList<TomlTable>? GetTableArray(params ReadOnlySpan<string> path) => GetArray(path)?.AsTables();

    public IEnumerator<KeyValuePair<string, TomlValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Tables are equal when they hold the same keys with equal values; TOML key order carries no meaning.</summary>
    public bool Equals(TomlTable? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (var (key, value) in _entries)
        {
            if (!other._entries.TryGetValue(key, out var otherValue) || !value.Equals(otherValue))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        // Order-independent, to agree with Equals.
        var hash = 0;
        foreach (var (key, value) in _entries)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value);
        }

        return hash;
    }

    public override string ToString() =>
        _entries.Count == 0 ? "{}" : "{ " + string.Join(", ", _entries.Select(e => TomlFormat.Key(e.Key) + " = " + e.Value)) + " }";

    internal static TomlTable Adopt(OrderedDictionary<string, TomlValue> entries) => new(entries);
}
