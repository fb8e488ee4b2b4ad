using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>
/// Tolerant readers over daemon JSON: fields the daemon omits or sends as null read as defaults,
/// because their presence varies between API versions.
/// </summary>
internal static class DockerJson
{
    public static JsonElement Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static string? String(this JsonElement element, string name)
    {
        var value = element.Child(name);
        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    public static bool Bool(this JsonElement element, string name) =>
        element.Child(name).ValueKind == JsonValueKind.True;

    public static long? Int64(this JsonElement element, string name)
    {
        var value = element.Child(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
    }

    /// <summary>
    /// An RFC 3339 time as the daemon writes it (nanosecond fractions allowed); null when absent,
    /// unparsable or Go's zero time (0001-01-01, "never").
    /// </summary>
    public static DateTimeOffset? Time(this JsonElement element, string name)
    {
        if (element.String(name) is not { } text)
        {
            return null;
        }

        // .NET parses at most 7 fractional digits; Go writes up to 9.
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            int end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
            }
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            && time.Year > 1 ? time : null;
    }

    public static IReadOnlyList<string> StringList(this JsonElement element, string name)
    {
        var value = element.Child(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
        }

        return list;
    }

    public static IReadOnlyDictionary<string, string> StringMap(this JsonElement element, string name)
    {
        var value = element.Child(name);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return map;
    }

    public static JsonArray ToArray(IEnumerable<string> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    public static JsonObject ToObject(IReadOnlyDictionary<string, string> map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map)
        {
            obj[key] = value;
        }

        return obj;
    }

    /// <summary>Docker wants environment variables as KEY=VALUE strings.</summary>
    public static JsonArray ToEnvArray(IReadOnlyDictionary<string, string> env) =>
        ToArray(env.Select(pair => $"{pair.Key}={pair.Value}"));
}
