using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweLego.Curation.Import;

/// <summary>
/// Resolved labels from the evaluation files a tool leaves beside its trajectories (in the input's folder, or the file's
/// folder): the SWE-bench harness's per-instance <c>logs/run_evaluation/&lt;run&gt;/&lt;model&gt;/&lt;instance&gt;/report.json</c>
/// (<c>{instance: {resolved}}</c>), and run reports with <c>resolved_ids</c> (the harness's <c>&lt;model&gt;.&lt;run_id&gt;.json</c>,
/// OpenHands' <c>report.json</c> next to <c>output.jsonl</c>): ids in <c>resolved_ids</c> are resolved, those in
/// <c>unresolved_ids</c> or <c>empty_patch_ids</c> are not, others (errors) stay unevaluated. A per-instance report wins over
/// a run report. A file that does not read as either is not a label source and is passed over.
/// </summary>
public sealed class EvaluationLabels
{
    private readonly Dictionary<string, (bool Resolved, string Source)> labels = new(StringComparer.Ordinal);

    public int Count => labels.Count;

    public static EvaluationLabels Beside(string inputPath)
    {
        string folder = Directory.Exists(inputPath) ? inputPath : Path.GetDirectoryName(Path.GetFullPath(inputPath))!;
        var found = new EvaluationLabels();
        string logs = Path.Combine(folder, "logs", "run_evaluation");
        if (Directory.Exists(logs))
        {
            foreach (string report in Directory.EnumerateFiles(logs, "report.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Read(report) is not { } json) continue;
                foreach (var (id, value) in json)
                {
                    if (value?["resolved"] is JsonValue resolved && resolved.TryGetValue(out bool flag))
                        found.labels.TryAdd(id, (flag, "swe-bench report.json"));
                }
            }
        }
        foreach (string file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (Read(file) is not { } json || json["resolved_ids"] is not JsonArray resolvedIds) continue;
            string source = Path.GetFileName(file) == "report.json" && File.Exists(Path.Combine(folder, "output.jsonl"))
                ? "openhands report.json" : $"swe-bench run report {Path.GetFileName(file)}";
            found.AddAll(resolvedIds, true, source);
            found.AddAll(json["unresolved_ids"] as JsonArray, false, source);
            found.AddAll(json["empty_patch_ids"] as JsonArray, false, source);
        }
        return found;
    }

    public (bool Resolved, string Source)? Find(string instanceId) => labels.TryGetValue(instanceId, out var label) ? label : null;

    private void AddAll(JsonArray? ids, bool resolved, string source)
    {
        foreach (var id in ids ?? [])
        {
            if (id?.GetValueKind() == JsonValueKind.String) labels.TryAdd(id.GetValue<string>(), (resolved, source));
        }
    }

    private static JsonObject? Read(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }
}
