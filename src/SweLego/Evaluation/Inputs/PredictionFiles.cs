using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweLego.Evaluation.Inputs;

/// <summary>
/// Reads predictions: JSONL, a JSON list, or sb-cli's object keyed by instance id
/// (<c>{"id": {"model_patch": …, "model_name_or_path": …}}</c>). Several predictions per instance
/// are all kept — by <c>rollout_id</c>, or a repeated instance id without one (numbered by
/// occurrence). A duplicate (same instance and rollout id, or a byte-identical line) and a malformed
/// item (bad JSON, no instance_id, model_patch not a string) are skipped as
/// <c>file:line: reason</c> problems and counted; the rest are read.
/// </summary>
public static class PredictionFiles
{
    /// <summary>
    /// Writes predictions as JSONL (<c>instance_id</c>, <c>model_patch</c>, <c>model_name_or_path</c>, and <c>rollout_id</c>
    /// when given), atomically, in the shape <see cref="Read"/> and the SWE-bench harness take.
    /// </summary>
    public static void Write(string path, IEnumerable<(string InstanceId, string? RolloutId, string ModelPatch, string ModelNameOrPath)> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        Runs.AtomicFile.WriteAllText(path, string.Concat(predictions.Select(p =>
        {
            var line = new JsonObject { ["instance_id"] = p.InstanceId };
            if (p.RolloutId is not null) line["rollout_id"] = p.RolloutId;
            line["model_patch"] = p.ModelPatch;
            line["model_name_or_path"] = p.ModelNameOrPath;
            return line.ToJsonString() + "\n";
        })));
    }

    public static PredictionSet Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new InputFileException(path, Directory.Exists(path) ? "a folder, not a predictions file" : "no such file");
        var (format, items) = JsonInputFile.Open(path, allowDictionary: true, fingerprints: true);
        var predictions = new List<Prediction>();
        var problems = new List<InputProblem>();
        var lines = new Dictionary<string, InputOrigin>(StringComparer.Ordinal);
        var keys = new Dictionary<string, InputOrigin>(StringComparer.Ordinal);
        var rollouts = new Dictionary<(string Instance, string Rollout), InputOrigin>();
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var (prediction, problem) = Parse(item);
            if (problem is null && lines.TryGetValue(item.Fingerprint!, out var same))
                problem = new InputProblem(item.Origin, InputProblemKind.Duplicate, prediction!.InstanceId, $"identical to {same}; skipped");
            // A keyed file names each instance once; Python's json keeps only the last of a repeated key.
            if (problem is null && item.Key is not null && keys.TryGetValue(item.Key, out var key))
                problem = new InputProblem(item.Origin, InputProblemKind.Duplicate, item.Key, $"key repeats {key}; skipped");
            if (problem is null && !prediction!.RolloutIdGiven)
            {
                int occurrence = occurrences.GetValueOrDefault(prediction.InstanceId);
                occurrences[prediction.InstanceId] = occurrence + 1;
                prediction = prediction with { RolloutId = occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }

            if (problem is null && rollouts.TryGetValue((prediction!.InstanceId, prediction.RolloutId), out var first))
                problem = new InputProblem(item.Origin, InputProblemKind.Duplicate, prediction.InstanceId, $"rollout '{prediction.RolloutId}' repeats {first}; skipped");
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            lines.Add(item.Fingerprint!, item.Origin);
            if (item.Key is not null) keys.Add(item.Key, item.Origin);
            rollouts.Add((prediction!.InstanceId, prediction.RolloutId), item.Origin);
            predictions.Add(prediction);
        }

        return new PredictionSet(path, format, predictions, problems);
    }

    /// <summary>One item as a prediction (its rollout id still unnumbered when the file gives none), or why not.</summary>
    private static (Prediction? Prediction, InputProblem? Problem) Parse(JsonItem item)
    {
        InputProblem Malformed(string? id, string reason) => new(item.Origin, InputProblemKind.Malformed, id, reason);

        if (item.Error is not null) return (null, Malformed(item.Key, item.Error));
        if (item.Value is not JsonObject fields) return (null, Malformed(item.Key, $"expected a JSON object, found {InstanceRows.Kind(item.Value)}"));

        var id = fields["instance_id"];
        string? instanceId = IsString(id) ? id!.GetValue<string>() : null;
        if (id is not null && instanceId is null) return (null, Malformed(item.Key, $"instance_id is {InstanceRows.Kind(id)}, not a string"));
        if (item.Key is not null)
        {
            if (instanceId is not null && instanceId != item.Key)
                return (null, Malformed(item.Key, $"keyed '{item.Key}' but its instance_id is '{instanceId}'"));
            instanceId = item.Key;
        }

        if (string.IsNullOrEmpty(instanceId)) return (null, new InputProblem(item.Origin, InputProblemKind.MissingField, null, "no instance_id"));

        var patch = fields["model_patch"];
        if (patch is not null && !IsString(patch)) return (null, Malformed(instanceId, $"model_patch is {InstanceRows.Kind(patch)}, not a string"));
        var model = fields["model_name_or_path"];
        if (model is not null && !IsString(model)) return (null, Malformed(instanceId, $"model_name_or_path is {InstanceRows.Kind(model)}, not a string"));

        var rollout = fields["rollout_id"];
        string? rolloutId = rollout switch
        {
            null => null,
            JsonValue text when IsString(text) => text.GetValue<string>(),
            JsonValue number when number.TryGetValue<long>(out long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "",
        };
        if (rolloutId is { Length: 0 }) return (null, Malformed(instanceId, $"rollout_id is {InstanceRows.Kind(rollout)} or empty, not a string or an integer"));

        return (new Prediction
        {
            InstanceId = instanceId,
            ModelPatch = patch?.GetValue<string>(),
            ModelNameOrPath = model?.GetValue<string>(),
            RolloutId = rolloutId ?? "",
            RolloutIdGiven = rolloutId is not null,
            Origin = item.Origin,
        }, null);
    }

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;
}
