using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SweLego.Agent.Trajectories;

namespace SweLego.Curation.Import;

/// <summary>Reading helpers shared by the importers: typed fields with clear errors, whole JSON files, file lists, endings.</summary>
internal static partial class SourceJson
{
    /// <summary>A string field, or null when absent or null.</summary>
    /// <exception cref="ImportException">The field holds something else.</exception>
    public static string? Text(JsonNode? node, string field) => node?[field] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => throw new ImportException($"field '{field}' is {other.GetValueKind().ToString().ToLowerInvariant()}, not a string"),
    };

    /// <summary>A message's content: a string, or a list of parts whose <c>text</c> values are joined (OpenAI's content parts).</summary>
    public static string Content(JsonNode? message)
    {
        var content = message?["content"];
        return content switch
        {
            null => "",
            JsonArray parts => string.Concat(parts.Select(p => p is JsonObject part ? Text(part, "text") ?? "" : p?.ToString() ?? "")),
            _ => Text(message, "content") ?? "",
        };
    }

    /// <summary>A list field that may be stored as a JSON string (SWE-smith's and CoderForge's <c>messages</c>).</summary>
    public static JsonArray? List(JsonNode? node, string field)
    {
        var value = node?[field];
        if (value?.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                value = JsonNode.Parse(value.GetValue<string>());
            }
            catch (JsonException e)
            {
                throw new ImportException($"field '{field}' is a string that is not JSON ({e.Message})");
            }
        }
        return value switch
        {
            null => null,
            JsonArray array => array,
            _ => throw new ImportException($"field '{field}' is {value.GetValueKind().ToString().ToLowerInvariant()}, not a list"),
        };
    }

    /// <summary>A whole JSON file; a file that does not parse (a truncated trajectory) is an <see cref="ImportException"/>.</summary>
    public static JsonObject ReadObject(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject ?? throw new ImportException("not a JSON object");
        }
        catch (JsonException e)
        {
            throw new ImportException($"not valid JSON: {Evaluation.Inputs.JsonInputFile.Describe(e)}");
        }
    }

    /// <summary>The file itself, or every file under the folder whose name ends with <paramref name="suffix"/>, in name order.</summary>
    /// <exception cref="Evaluation.Inputs.InputFileException">The path does not exist, or the folder holds no such file.</exception>
    public static IReadOnlyList<string> Files(string path, string suffix)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new Evaluation.Inputs.InputFileException(path, "no such file or folder");
        var files = Directory.EnumerateFiles(path, "*" + suffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files : throw new Evaluation.Inputs.InputFileException(path, $"the folder holds no *{suffix} file");
    }

    /// <summary><c>owner/name</c> from a SWE-bench style instance id (<c>owner__name-123</c>; SWE-smith's <c>owner__name.hash.kind__id</c>), or null.</summary>
    public static string? RepoFromInstanceId(string instanceId)
    {
        var match = InstanceIdPattern().Match(instanceId);
        return match.Success ? $"{match.Groups[1].Value}/{match.Groups[2].Value}" : null;
    }

    /// <summary>
    /// How a source's episode ended, in our terms: a final <c>finish</c> is <see cref="RolloutStatus.Finished"/>; otherwise the
    /// source's exit text decides (context → context exhausted, limits/cost/iterations → max turns, stuck → stuck, any other
    /// text → model error); with no text at all the episode simply stopped (recorded as max turns, the detail says so).
    /// </summary>
    public static (RolloutStatus Status, string? Detail) Ending(bool finished, string? exitText)
    {
        if (finished) return (RolloutStatus.Finished, string.IsNullOrWhiteSpace(exitText) ? null : exitText);
        if (string.IsNullOrWhiteSpace(exitText)) return (RolloutStatus.MaxTurns, "the source ended without a finish call and gives no reason");
        string text = exitText.ToLowerInvariant();
        var status = text.Contains("context", StringComparison.Ordinal) ? RolloutStatus.ContextExhausted
            : text.Contains("stuck", StringComparison.Ordinal) ? RolloutStatus.Stuck
            : text.Contains("limit", StringComparison.Ordinal) || text.Contains("cost", StringComparison.Ordinal) || text.Contains("iteration", StringComparison.Ordinal)
                ? RolloutStatus.MaxTurns
            : RolloutStatus.ModelError;
        return (status, exitText);
    }

    [GeneratedRegex(@"^([A-Za-z0-9_.-]+?)__([A-Za-z0-9_.-]+?)(?:-\d+$|\.[0-9a-f]{8}\.)")]
    private static partial Regex InstanceIdPattern();
}

/// <summary>Runs one record's conversion: a failure becomes the record's <see cref="ImportItem.Problem"/>, never an exception.</summary>
internal static class ImportItems
{
    public static ImportItem Convert(string origin, string? instanceId, Func<SourceTrajectory> convert)
    {
        try
        {
            return ImportItem.Converted(origin, convert());
        }
        catch (Exception e) when (e is ImportException or InvalidOperationException or FormatException or JsonException)
        {
            return ImportItem.Skipped(origin, instanceId, e.Message);
        }
    }
}
