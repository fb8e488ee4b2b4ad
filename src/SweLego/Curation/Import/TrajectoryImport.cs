using System.Security.Cryptography;
using System.Text.Json;
using SweLego.Agent.Trajectories;
using SweLego.Evaluation.Inputs;
using SweLego.Rollouts;
using SweLego.Runs;

namespace SweLego.Curation.Import;

/// <summary>
/// <c>swelego import</c>: converts another tool's trajectories into the run's <c>import</c> stage, so curation reads them
/// like rollouts. Writes <c>import/imported.jsonl</c> (one <see cref="ImportedRecord"/> per trajectory),
/// <c>import/trajectories/&lt;instance&gt;/&lt;rollout&gt;.json</c>, <c>import/skipped.jsonl</c> (each record that could not
/// be read or converted, named) and <c>import/predictions.jsonl</c> (every imported patch, for <c>swelego eval</c>).
/// A trajectory's rollout id is the source's own id, else <c>h</c> + 12 hex digits of its messages' SHA-256, so importing
/// the same file again adds nothing and a second file adds its own. Labels: the record's own, else the evaluation files
/// beside the input (<see cref="EvaluationLabels"/>), else unevaluated.
/// </summary>
public static class TrajectoryImport
{
    public const string Stage = "import";
    public const string ImportedFile = "imported.jsonl";
    public const string SkippedFile = "skipped.jsonl";
    public const string PredictionsFile = "predictions.jsonl";
    public const string UnknownModel = "unknown";

    private static readonly IReadOnlyList<string> ToolNames = [ToolMapping.ExecuteBash, ToolMapping.Think, ToolMapping.Finish, ToolMapping.Editor];

    /// <param name="model">The model name for trajectories whose source names none.</param>
    /// <exception cref="ArgumentException">Unknown format.</exception>
    /// <exception cref="InputFileException">The path cannot be read at all.</exception>
    public static async Task<ImportSummary> RunAsync(RunFolder run, string format, string path, string? model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var importer = ImporterRegistry.Get(format);
        if (!File.Exists(path) && !Directory.Exists(path)) throw new InputFileException(path, "no such file or folder");
        var labels = EvaluationLabels.Beside(path);
        return await run.GuardStageAsync(Stage, async () =>
        {
            run.StartStage(Stage);
            string importedPath = run.StagePath(Stage, ImportedFile), skippedPath = run.StagePath(Stage, SkippedFile);
            var records = File.Exists(importedPath) ? JsonlReader.Read<ImportedRecord>(importedPath).ToList() : [];
            var keys = records.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            var skippedBefore = File.Exists(skippedPath) ? JsonlReader.Read<ImportSkip>(skippedPath).Select(s => s.Key).ToHashSet(StringComparer.Ordinal) : [];
            var store = new TrajectoryStore(run, Stage);
            var skipped = new List<ImportSkip>();
            int added = 0, again = 0;
            using (var importedWriter = run.OpenJsonlWriter<ImportedRecord>(Stage, ImportedFile))
            using (var skippedWriter = run.OpenJsonlWriter<ImportSkip>(Stage, SkippedFile))
            {
                await foreach (var item in importer.ReadAsync(path, cancellationToken).WithCancellation(cancellationToken))
                {
                    if (item.Trajectory is not { } source)
                    {
                        var skip = new ImportSkip { Format = importer.Format, Origin = item.Origin, InstanceId = item.InstanceId, Reason = item.Problem ?? "" };
                        skipped.Add(skip);
                        if (skippedBefore.Add(skip.Key)) skippedWriter.Append(skip);
                        continue;
                    }
                    string rollout = source.SourceId ?? ContentId(source.Conversation.Messages);
                    if (!keys.Add(Evaluation.EvaluationKeys.Key(source.InstanceId, rollout)))
                    {
                        again++;
                        continue;
                    }
                    var record = Save(run, store, importer.Format, item.Origin, source, rollout, model, labels);
                    importedWriter.Append(record);
                    records.Add(record);
                    added++;
                }
            }

            string predictions = run.StagePath(Stage, PredictionsFile);
            PredictionFiles.Write(predictions, records.Select(r => (r.InstanceId, (string?)r.RolloutId, r.ModelPatch, r.ModelNameOrPath)));
            run.UpdateStage(Stage, s => s
                .WithCount("imported", records.Count)
                .WithCount("skipped", skippedBefore.Count)
                .WithCount("resolved", records.Count(r => r.Resolved == true))
                .WithCount("unresolved", records.Count(r => r.Resolved == false))
                .WithCount("unevaluated", records.Count(r => r.Resolved is null))
                .WithOutput(run.RelativePath(importedPath)).WithOutput(run.RelativePath(skippedPath)).WithOutput(run.RelativePath(predictions)));
            run.CompleteStage(Stage);
            return new ImportSummary(importer.Format, added, again, skipped, records, predictions);
        });
    }

    private static ImportedRecord Save(RunFolder run, TrajectoryStore store, string format, string origin, SourceTrajectory source, string rollout, string? model,
        EvaluationLabels labels)
    {
        var conversation = source.Conversation;
        string repo = source.Repo ?? SourceJson.RepoFromInstanceId(source.InstanceId) ?? "";
        string modelName = source.Model ?? model ?? UnknownModel;
        var now = DateTimeOffset.UtcNow;
        var trajectory = new Trajectory
        {
            InstanceId = source.InstanceId,
            RolloutId = rollout,
            Repo = repo,
            Model = modelName,
            Protocol = "text",
            Tools = ToolNames,
            BaseCommit = "",
            Settings = new TrajectorySettings(conversation.Steps.Count, null, null, null, null, null),
            Status = source.Status,
            StatusDetail = source.StatusDetail,
            StartedAt = now,
            EndedAt = now,
            Messages = conversation.Messages,
            Steps = conversation.Steps,
            Patch = source.Patch,
        };
        store.Save(trajectory, new TrajectoryWriter(), durable: true);
        var label = source.Resolved is { } resolved ? (resolved, source.LabelSource ?? format) : labels.Find(source.InstanceId);
        return new ImportedRecord
        {
            InstanceId = source.InstanceId,
            RolloutId = rollout,
            Repo = repo,
            Format = format,
            Origin = origin,
            ModelNameOrPath = modelName,
            ModelPatch = source.Patch,
            Resolved = label?.Item1,
            LabelSource = label?.Item2,
            Turns = conversation.Steps.Count,
            UnmappedCalls = conversation.UnmappedCalls,
            Trajectory = run.RelativePath(store.PathOf(source.InstanceId, rollout)),
        };
    }

    /// <summary><c>h</c> + the first 12 hex digits of the SHA-256 of the messages as we store them.</summary>
    private static string ContentId(IReadOnlyList<TrajectoryMessage> messages) =>
        "h" + Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(messages, RunJson.Options)))[..12];
}

/// <summary>One record <c>swelego import</c> could not read or convert: a line of <c>RUN/import/skipped.jsonl</c>.</summary>
public sealed record ImportSkip : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public required string Format { get; init; }

    /// <summary><c>path:line</c>, <c>path#row</c> or the file's path.</summary>
    public required string Origin { get; init; }

    public string? InstanceId { get; init; }

    public required string Reason { get; init; }

    /// <summary>The same record skipped for the same reason is listed once, however often it is imported.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => $"{Format}\n{Origin}\n{Reason}";

    public override string ToString() => InstanceId is null ? $"{Origin}: {Reason}" : $"{Origin}: {InstanceId}: {Reason}";
}

/// <summary>
/// One import session: the format, trajectories added and already there, the records skipped this time, every record of the
/// run's import stage (earlier sessions' too) and the predictions file.
/// </summary>
public sealed record ImportSummary(string Format, int Added, int AlreadyImported, IReadOnlyList<ImportSkip> Skipped, IReadOnlyList<ImportedRecord> Records, string PredictionsPath)
{
    /// <summary>Nothing in the input could be imported (neither now nor before).</summary>
    public bool NothingImported => Added == 0 && AlreadyImported == 0;
}
