using SweLego.Agent.Protocol;
using SweLego.Evaluation.Inputs;
using SweLego.Models;
using SweLego.Runs;
using SweLego.Runs.Stages;

namespace SweLego.Rollouts;

/// <summary>
/// <c>swelego rollout</c>: K agent episodes per instance on the stage runner (resumable, ordered, parallel),
/// each in a fresh sandbox of its task's environment. Writes, in the stage folder: rollouts.jsonl (the journal, one
/// line per attempt), predictions.jsonl (one line per rollout that ran, for <c>swelego eval</c>, rewritten at the end),
/// trajectories/&lt;instance&gt;/&lt;rollout&gt;.json and summary.json.
/// </summary>
public static class RolloutStage
{
    public const string Stage = "rollout";
    /// <summary>The stage's journal: one line per rollout attempt (a failed attempt, then its retry, both appear).</summary>
    public const string RolloutsFile = "rollouts.jsonl";

    /// <summary>The predictions of every finished rollout (no failed attempts), rewritten at the end of each session.</summary>
    public const string PredictionsFile = "predictions.jsonl";

    /// <param name="model">The model client (its preflight is the caller's: a server that is down fails before this).</param>
    public static async Task<RolloutSummary> RunAsync(
        RunFolder run, RolloutOptions options, IModelClient model, RolloutTally? tally = null, IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        options.Validate();
        tally ??= new RolloutTally();
        return await run.GuardStageAsync(Stage, async () =>
        {
            run.StartStage(Stage);
            progress?.Report(StageProgress.Starting(Stage, "reading instances"));
            var set = await InstanceFiles.ReadAsync(options.InstancesPath, cancellationToken);
            var chosen = Choose(set.Instances, options.InstanceIds, options.InstancesPath);
            string? instancesRun = RunFolder.FindContaining(options.InstancesPath);
            var items = new List<RolloutItem>();
            var settled = new List<RolloutRecord>();
            foreach (var instance in chosen)
            {
                for (int k = 0; k < options.K; k++)
                {
                    var item = new RolloutItem(instance, k.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (Unusable(instance, instancesRun) is { } reason)
                        settled.Add(new RolloutRecord { InstanceId = instance.InstanceId, RolloutId = item.RolloutId, ModelNameOrPath = model.Model, Error = reason });
                    else items.Add(item);
                }
            }

            IToolCallProtocol protocol = options.NativeTools ? new NativeToolProtocol() : new TextToolProtocol();
            var store = new TrajectoryStore(run, Stage);
            var work = new RolloutWork(options, model, protocol, store, run, instancesRun ?? "", settled, tally);
            var ran = await StageRunner.RunAsync(run, work, items, new StageRunOptions { Jobs = options.Jobs }, progress, cancellationToken);
            var history = work.Journal.Read(run);
            var records = history.Results.OrderBy(r => r.InstanceId, StringComparer.Ordinal).ThenBy(r => r.RolloutId, StringComparer.Ordinal).ToList();
            PredictionFiles.Write(run.StagePath(Stage, PredictionsFile), records.Select(r => (r.InstanceId, (string?)r.RolloutId, r.ModelPatch, r.ModelNameOrPath)));
            run.UpdateStage(Stage, s => s.WithOutput(run.RelativePath(run.StagePath(Stage, PredictionsFile))));
            run.CompleteStage(Stage);
            int failed = history.Outcomes.Count(o => o.Value == StageOutcomes.Error);
            return new RolloutSummary(ran, records, failed, run.StagePath(Stage, PredictionsFile), set.Problems);
        });
    }

    private static IReadOnlyList<EvaluationInstance> Choose(IReadOnlyList<EvaluationInstance> instances, IReadOnlyList<string> ids, string path)
    {
        if (ids.Count == 0) return instances;
        var known = instances.Select(i => i.InstanceId).ToHashSet(StringComparer.Ordinal);
        if (ids.FirstOrDefault(id => !known.Contains(id)) is { } missing)
            throw new ArgumentException($"{path} has no instance '{missing}'.");
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        return [.. instances.Where(i => wanted.Contains(i.InstanceId))];
    }

    /// <summary>Why an instance cannot be rolled out here (recorded as its rollouts' error), or null.</summary>
    private static string? Unusable(EvaluationInstance instance, string? instancesRun) => instance switch
    {
        { Task: null } => $"{instance.Origin}: {instance.InstanceId} is not a SweLego instance (it has no environment record): rollouts run on instances made by `swelego tasks real|synth`",
        _ when instancesRun is null => $"{instance.Origin}: {instance.InstanceId}'s environment paths are relative to a run folder, but the instances file is not inside one (no manifest.json above it)",
        _ => null,
    };
}

/// <summary>
/// What a rollout session did: the runner's summary, every rollout that ran (earlier sessions' too), how many have only
/// failed attempts (no episode; tried again on resume), the predictions file and the input lines that were skipped.
/// </summary>
public sealed record RolloutSummary(StageRunSummary Ran, IReadOnlyList<RolloutRecord> Records, int Failed, string PredictionsPath, IReadOnlyList<InputProblem> Problems);
