using System.Text.Json.Serialization;

namespace SweLego.Python.Checking;

/// <summary>The check of one file. <see cref="Definitions"/> is null unless requested.</summary>
public sealed record PythonFileReport(
    string Path,
    long Bytes,
    string Encoding,
    bool RoundTrips,
    int Functions,
    int Classes,
    IReadOnlyList<PythonDiagnostic> Diagnostics,
    string? ReadError,
    IReadOnlyList<PythonDefinitionReport>? Definitions)
{
    /// <summary>Read and parsed without a diagnostic.</summary>
    [JsonIgnore]
    public bool Parsed => ReadError is null && Diagnostics.Count == 0;
}
