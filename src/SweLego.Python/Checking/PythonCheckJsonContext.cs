using System.Text.Json;
using System.Text.Json.Serialization;

namespace SweLego.Python.Checking;

/// <summary>Source-generated serialization for check reports (no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PythonCheckReport))]
internal sealed partial class PythonCheckJsonContext : JsonSerializerContext
{
    public static PythonCheckJsonContext Indented { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    });
}
