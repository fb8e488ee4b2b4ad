using System.Text.Json;

namespace SweLego.Runs;

/// <summary>Options for <see cref="JsonlReader.ReadAll{T}(string, JsonlReadOptions?)"/>.</summary>
public sealed class JsonlReadOptions
{
    /// <summary>Serializer options; default <see cref="RunJson.Options"/>.</summary>
    public JsonSerializerOptions? SerializerOptions { get; init; }

    /// <summary>
    /// Skip invalid lines in the middle of the file and report them in
    /// <see cref="JsonlReadResult{T}.SkippedLines"/> instead of throwing
    /// <see cref="RunDataException"/>. Default false: corruption is an error, because silently
    /// dropping records would make a resumed stage redo or lose work without anyone noticing.
    /// </summary>
    public bool SkipInvalidLines { get; init; }
}
