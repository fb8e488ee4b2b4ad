using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SweLego.Runs;

/// <summary>
/// The JSON conventions of a run folder: snake_case property names (like SWE-bench and the
/// Python tools that read our data), enums as snake_case strings, nulls omitted, and no
/// HTML escaping: these files hold code, and <c>\u003C</c> for every '&lt;' makes them unreadable.
/// </summary>
public static class RunJson
{
    /// <summary>Compact options, one value per line; the default for JSONL records.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>Indented options for whole-file documents people read (the manifest).</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            // Run files are never embedded in HTML unescaped; the dashboard encodes what it shows.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        // Shared instances must not be mutated by callers; freezing turns that into an error.
        options.MakeReadOnly();
        return options;
    }
}
