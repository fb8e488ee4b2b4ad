using SweLego.Evaluation.Inputs;
using SweLego.Runs;
using SweLego.Runs.Stages;
using SweLego.Tasks;
using SweLego.Tasks.Real;
using SweLego.Tasks.Synthetic;

namespace SweLego.Evaluation;

/// <summary>
/// <c>swelego tasks validate</c>: the run's task instances evaluated by the same implementation as
/// <c>swelego eval</c>, twice each — the gold patch must resolve (FULL), and with the empty patch every
/// FAIL_TO_PASS test must fail. Stage <see cref="Stage"/> of the run: the instances and the two
/// predictions per instance it graded, results.jsonl, the harness's files per prediction, and
/// validation.jsonl with one verdict per instance.
/// </summary>
public static class TaskValidation
{
    public const string Stage = "validation";
    public const string VerdictsFile = "validation.jsonl";
    public const string GoldRollout = "gold";
    public const string EmptyRollout = "empty";

    public static async Task<TaskValidationSummary> RunAsync(
        RunFolder run, TaskValidationOptions options, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var instances = ReadInstances(run, options.InstanceIds);
        string instancesPath = run.StagePath(Stage, "instances.jsonl"), predictionsPath = run.StagePath(Stage, "predictions.jsonl");
        AtomicFile.WriteJsonl(instancesPath, instances);
        PredictionFiles.Write(predictionsPath, instances.SelectMany(i => new[]
        {
            (i.InstanceId, (string?)GoldRollout, i.Patch, "validation"),
            (i.InstanceId, (string?)EmptyRollout, "", "validation"),
        }));
        var evaluation = new EvaluationOptions
        {
            InstancesPath = instancesPath, PredictionsPath = predictionsPath, Jobs = options.Jobs, Timeout = options.Timeout, Harness = options.Harness,
            Docker = options.Docker,
        };
        evaluation.Validate();
        var summary = await run.GuardStageAsync(Stage,
            () => EvaluationStage.RunStageAsync(run, Stage, evaluation, runEmptyPatches: true, progress, cancellationToken));

        var byKey = summary.Results.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var verdicts = instances.Select(i => TaskValidationVerdict.Of(i,
            byKey.GetValueOrDefault(EvaluationKeys.Key(i.InstanceId, GoldRollout)),
            byKey.GetValueOrDefault(EvaluationKeys.Key(i.InstanceId, EmptyRollout)))).ToList();
        string verdictsPath = run.StagePath(Stage, VerdictsFile);
        AtomicFile.WriteJsonl(verdictsPath, verdicts);
        run.UpdateStage(Stage, s => s.WithOutput(run.RelativePath(verdictsPath)).WithCount("holds", verdicts.Count(v => v.Holds))
            .WithCount("does_not_hold", verdicts.Count(v => !v.Holds)));
        return new TaskValidationSummary(verdicts, summary, verdictsPath);
    }

    /// <summary>
    /// The instances of both task stages (real, then synthetic), optionally only those named. A torn last line (a write
    /// interrupted by a crash) is skipped and reported through <paramref name="warn"/> naming file, line and bytes. A run
    /// without instances is an <see cref="InvalidOperationException"/> saying what to run first, an unknown id an
    /// <see cref="ArgumentException"/>.
    /// </summary>
    public static List<TaskInstance> ReadInstances(RunFolder run, IReadOnlyCollection<string>? wanted, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var paths = new[] { run.StagePath(RealTaskMiner.Stage, RealTaskMiner.InstancesFile), run.StagePath(SyntheticTaskMiner.Stage, SyntheticTaskMiner.InstancesFile) }
            .Where(File.Exists).ToList();
        if (paths.Count == 0)
            throw new InvalidOperationException($"'{run.DirectoryPath}' has no task instances; run 'swelego tasks real ... --run {run.DirectoryPath}' (or tasks synth) first.");
        var instances = new List<TaskInstance>();
        foreach (string path in paths)
        {
            var read = JsonlReader.ReadAll<TaskInstance>(path);
            instances.AddRange(read.Records);
            if (read.TornTail is { } torn)
                warn?.Invoke($"warning: {path}:{torn.Line}: skipped an incomplete last line ({torn.Bytes} bytes: {torn.Start}), " +
                    $"likely an interrupted write; the {read.Records.Count} complete instance(s) before it are used (resuming the stage rewrites it).");
        }

        if (wanted is null || wanted.Count == 0) return instances;
        if (wanted.FirstOrDefault(id => instances.All(i => i.InstanceId != id)) is { } missing)
            throw new ArgumentException($"No instance '{missing}' in the run.", nameof(wanted));
        return [.. instances.Where(i => wanted.Contains(i.InstanceId))];
    }
}
