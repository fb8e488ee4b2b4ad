using SweLego.Runs;

namespace SweLego.Rollouts.Audit;

/// <summary>
/// <c>swelego audit RUN</c>: the hack audit of every recorded rollout's trajectory. Writes <c>RUN/audit/audit.jsonl</c>
/// (one line per rollout, flagged or not, with each flag's step, rule and command) and <c>RUN/audit/summary.json</c>
/// (flagged rollouts per rule). Re-running replaces both: the audit is cheap and its rules may have changed.
/// </summary>
public static class AuditStage
{
    public const string Stage = "audit";
    public const string ResultsFile = "audit.jsonl";
    public const string SummaryFile = "summary.json";

    public static async Task<AuditSummary> RunAsync(RunFolder run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return await run.GuardStageAsync(Stage, () =>
        {
            run.StartStage(Stage);
            var rollouts = RolloutWork.Records(RolloutStage.Stage).Read(run).Results
                .Where(r => r.Trajectory is not null).ToList();
            if (rollouts.Count == 0 && !File.Exists(run.StagePath(RolloutStage.Stage, RolloutStage.RolloutsFile)))
                throw new RunDataException($"{run.DirectoryPath} has no rollouts to audit ({run.RelativePath(run.StagePath(RolloutStage.Stage, RolloutStage.RolloutsFile))} is missing): run `swelego rollout --run {run.DirectoryPath}` first.");
            var results = new List<AuditResult>();
            var problems = new List<string>();
            foreach (var rollout in rollouts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string path = Path.Combine(run.DirectoryPath, rollout.Trajectory!);
                try
                {
                    var trajectory = TrajectoryStore.Read(path) ?? throw new RunDataException($"{rollout.Trajectory}: missing");
                    var flags = HackAudit.Audit(trajectory);
                    results.Add(new AuditResult(rollout.InstanceId, rollout.RolloutId, flags.Count > 0, flags));
                }
                catch (RunDataException e)
                {
                    problems.Add($"{rollout.Key}: {e.Message}");
                }
            }

            AtomicFile.WriteJsonl(run.StagePath(Stage, ResultsFile), results);
            var summary = new AuditSummary(results.Count, results.Count(r => r.Flagged),
                HackRules.Descriptions.Keys.ToDictionary(rule => rule, rule => results.Count(r => r.Flags.Any(f => f.Rule == rule))), problems);
            AtomicFile.WriteJson(run.StagePath(Stage, SummaryFile), summary, RunJson.IndentedOptions);
            run.UpdateStage(Stage, s => s.WithOutput(run.RelativePath(run.StagePath(Stage, ResultsFile))));
            run.CompleteStage(Stage);
            return Task.FromResult(summary);
        });
    }

    /// <summary>The audit results of the run folder <paramref name="run"/> (keyed <c>instance#rollout</c>), or null when it has none.</summary>
    public static IReadOnlyDictionary<string, AuditResult>? ReadFor(string run)
    {
        string path = Path.Combine(run, Stage, ResultsFile);
        if (!File.Exists(path)) return null;
        return JsonlReader.Read<AuditResult>(path).ToDictionary(r => Evaluation.EvaluationKeys.Key(r.InstanceId, r.RolloutId), StringComparer.Ordinal);
    }
}

/// <summary>One rollout's audit: flagged when any rule fired.</summary>
public sealed record AuditResult(string InstanceId, string RolloutId, bool Flagged, IReadOnlyList<HackFlag> Flags);

/// <summary>The audit's totals: rollouts audited, flagged, flagged per rule, and trajectories that could not be read.</summary>
public sealed record AuditSummary(int Audited, int Flagged, IReadOnlyDictionary<string, int> PerRule, IReadOnlyList<string> Problems);
