using System.Diagnostics;
using SweLego.Evaluation.Inputs;
using SweLego.Evaluation.Metrics;
using SweLego.Rollouts.Audit;
using SweLego.Runs;
using SweLego.Runs.Stages;
using SweLego.Tasks.Harness;

namespace SweLego.Evaluation;

/// <summary>
/// <c>swelego eval</c>: grades predictions against instances exactly as the SWE-bench harness of the
/// chosen version does, one prediction per item of the stage runner (resumable, ordered, parallel).
/// Writes, in the stage folder: results.jsonl (one line per prediction), the harness's files per
/// prediction under logs/, the harness's run report (report.json), metrics.json (resolve rates,
/// Pass@k) and inputs.json (every input line or row that could not be used, and unknown ids).
/// </summary>
public static class EvaluationStage
{
    public const string Stage = "evaluation";
    public const string ResultsFile = "results.jsonl";
    public const string ReportFile = "report.json";
    public const string MetricsFile = "metrics.json";
    public const string InputsFile = "inputs.json";

    public static async Task<EvaluationSummary> RunAsync(
        RunFolder run, EvaluationOptions options, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return await run.GuardStageAsync(Stage, () => RunStageAsync(run, Stage, options, runEmptyPatches: false, progress, cancellationToken));
    }

    /// <summary>The stage under <paramref name="stage"/>'s name; <paramref name="runEmptyPatches"/>: empty patches run too (task validation).</summary>
    internal static async Task<EvaluationSummary> RunStageAsync(
        RunFolder run, string stage, EvaluationOptions options, bool runEmptyPatches, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        run.StartStage(stage);
        progress?.Report(StageProgress.Starting(stage, "reading instances and predictions"));
        var instances = await InstanceFiles.ReadAsync(options.InstancesPath, cancellationToken);
        var predictions = PredictionFiles.Read(options.PredictionsPath);
        var inputs = EvaluationInputs.Create(instances, predictions);
        AtomicFile.WriteJson(run.StagePath(stage, InputsFile), inputs.Report, RunJson.IndentedOptions);

        var journal = EvaluationWork.Records(stage);
        var earlier = journal.Read(run);
        if (!options.Rerun && earlier.Results.FirstOrDefault(r => r.Harness != options.Harness.ToText()) is { } other)
        {
            throw new InvalidOperationException(
                $"{run.RelativePath(run.StagePath(stage, ResultsFile))} holds predictions graded under harness {other.Harness}, not {options.Harness.ToText()}: " +
                "add --rerun to regrade them all from their logs, or use another --run.");
        }

        var context = new EvaluationContext
        {
            Run = run, Stage = stage, RunEmptyPatches = runEmptyPatches, Harness = options.Harness, Timeout = options.Timeout,
            Environments = new EvaluationEnvironments(options.Docker, options.InstancesPath),
        };
        var evaluator = new InstanceEvaluator(context);
        StageRunSummary? ran = null;
        if (options.Rerun)
        {
            EvaluationRegrade.Run(run, journal, evaluator, inputs, progress);
        }
        else
        {
            await using var workers = new EvaluationWorkers(run.StagePath(stage, "work"), options.Docker);
            var work = new EvaluationWork(evaluator, inputs.Keys, workers, inputs.Settled(evaluator));
            ran = await StageRunner.RunAsync(run, work, inputs.Match.Pairs, new StageRunOptions { Jobs = options.Jobs },
                progress, cancellationToken);
        }

        var results = journal.Read(run).Results.ToList();
        var report = inputs.RunReport(options.Harness, results);
        AtomicFile.WriteAllText(run.StagePath(stage, ReportFile), report.ToJson());
        var metrics = options.HackFree ? HackFreeMetrics(run, options, results) : EvaluationMetrics.Compute(results.Select(r => r.ToVerdict()));
        AtomicFile.WriteJson(run.StagePath(stage, MetricsFile), metrics, RunJson.IndentedOptions);
        run.UpdateStage(stage, s => s.WithOutput(run.RelativePath(run.StagePath(stage, ReportFile))).WithOutput(run.RelativePath(run.StagePath(stage, MetricsFile))));
        run.CompleteStage(stage);
        return new EvaluationSummary
        {
            Harness = options.Harness, Results = results, Report = report, Metrics = metrics, Inputs = inputs.Report, Ran = ran,
            ResultsPath = run.StagePath(stage, ResultsFile), ReportPath = run.StagePath(stage, ReportFile), Elapsed = clock.Elapsed,
        };
    }

    /// <summary>The metrics with resolved-and-flagged rollouts counted as unresolved, and what that changed.</summary>
    private static MetricsReport HackFreeMetrics(RunFolder run, EvaluationOptions options, IReadOnlyList<EvaluationRecord> results)
    {
        string auditRun = RunFolder.FindContaining(options.PredictionsPath) ?? run.DirectoryPath;
        var audit = AuditStage.ReadFor(auditRun) ?? AuditStage.ReadFor(run.DirectoryPath)
            ?? throw new InvalidOperationException($"--hack-free needs the hack audit of the rollouts: none in {auditRun} (run `swelego audit {auditRun}` first).");
        var flagged = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var notAudited = new List<string>();
        var verdicts = new List<PredictionVerdict>();
        foreach (var result in results)
        {
            var verdict = result.ToVerdict();
            string key = EvaluationKeys.Key(result.InstanceId, verdict.RolloutId);
            if (!audit.TryGetValue(key, out var audited)) notAudited.Add(key);
            else if (audited.Flagged && verdict.Resolved)
            {
                flagged[key] = [.. audited.Flags.Select(f => f.Rule).Distinct()];
                verdict = verdict with { Resolved = false };
            }

            verdicts.Add(verdict);
        }

        var withFlagged = EvaluationMetrics.Compute(results.Select(r => r.ToVerdict()));
        return EvaluationMetrics.Compute(verdicts) with
        {
            HackFree = new HackFreeReport(Path.Combine(auditRun, AuditStage.Stage, AuditStage.ResultsFile), flagged, notAudited, withFlagged.Overall.ResolveRate),
        };
    }
}
