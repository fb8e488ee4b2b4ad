using System.Text.Json;
using System.Text.Json.Serialization;

namespace SweLego.Python.Checking;

/// <summary>The result of <see cref="PythonCheck.Run"/>: a summary to print and the per-file details.</summary>
public sealed record PythonCheckReport(string Root, PythonCheckSummary Summary, IReadOnlyList<PythonFileReport> Files)
{
    /// <summary>Version of the serialized format.</summary>
    [JsonPropertyOrder(-1)]
    public int Version { get; init; } = 1;

    /// <summary>Files with a syntax error, a read error or a round-trip mismatch.</summary>
    [JsonIgnore]
    public IEnumerable<PythonFileReport> Problems => Files.Where(f => !f.Parsed || !f.RoundTrips);

    /// <summary>The report as JSON (camelCase, nulls omitted).</summary>
    public string ToJson(bool indented = true) =>
        JsonSerializer.Serialize(this, indented ? PythonCheckJsonContext.Indented.PythonCheckReport : PythonCheckJsonContext.Default.PythonCheckReport);

    public static PythonCheckReport? FromJson(string json) =>
        JsonSerializer.Deserialize(json, PythonCheckJsonContext.Default.PythonCheckReport);
}
