using System.Diagnostics;
using SweLego.Runs;
using SweLego.Runs.Stages;

namespace SweLego.Tasks.Real;

/// <summary>
/// <c>swelego tasks real</c>: turns a repository's history into validated SWE-bench instances in
/// the run folder's <see cref="Stage"/> stage. Candidates are validated newest first, up to
/// <see cref="TaskMiningOptions.Jobs"/> at once by the <see cref="StageRunner"/> (<see cref="RealTaskWork"/>); each ends
/// as one line in <see cref="InstancesFile"/> or <see cref="RejectedFile"/>, so a run stopped at any point resumes where it
/// was and never repeats or loses a candidate. One bad candidate never stops the batch; one that failed with
/// an unexpected error (<see cref="RejectionKind.Error"/>) is tried again at once, then recorded and tried again on resume.
/// </summary>
public static class RealTaskMiner
{
    public const string Stage = "tasks-real";
    public const string InstancesFile = "instances.jsonl";
    public const string RejectedFile = "rejected.jsonl";

    public static async Task<RealTaskSummary> RunAsync(
        RunFolder run, RealTaskOptions options, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return await run.GuardStageAsync(Stage, () => RunStageAsync(run, options, progress, cancellationToken));
    }

    private static async Task<RealTaskSummary> RunStageAsync(
        RunFolder run, RealTaskOptions options, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        // Fail before any work when the backend cannot run (the daemon is down), with the message that says how to start it.
        var backend = options.CreateBackend();
        await backend.EnsureAvailableAsync(cancellationToken);

        run.StartStage(Stage);
        progress?.Report(StageProgress.Starting(Stage, "finding candidates"));
        var mirror = await RunResources.MirrorAsync(run, options.Repository, cancellationToken);
        var (candidates, badRecords) = await CandidateDiscovery.DiscoverAsync(mirror, options.Since, options.PrsFile, cancellationToken);
        string? noCandidates = candidates.Count == 0 ? await CandidateDiscovery.ExplainNoCandidatesAsync(mirror, options.Since, cancellationToken) : null;

        string slots = run.StagePath(Stage, "work");
        Directory.CreateDirectory(slots);
        var environments = new EnvironmentPool(backend, options.Offline, mirror, run);
        var validator = new CandidateValidator(options, mirror, environments, run.StagePath(Stage, "logs"));
        var work = new RealTaskWork(mirror, validator, slots, badRecords, backend, run.DirectoryPath);
        StageRunSummary ran;
        try
        {
            ran = await StageRunner.RunAsync(run, work, candidates, new StageRunOptions { Jobs = options.Jobs, Max = options.Max }, progress, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(slots)) Directory.Delete(slots, recursive: true);
        }

        run.CompleteStage(Stage);
        return new RealTaskSummary(mirror.Name, candidates.Count, ran.Count(StageOutcomes.Kept), RejectionOutcomes.ByKind(ran.Counts, RejectionKind.Error),
            candidates.Count(c => ran.SkippedKeys.Contains(c.Id)), run.StagePath(Stage, InstancesFile), run.StagePath(Stage, RejectedFile),
            clock.Elapsed, environments.BuildTime, work.TestTime, [.. badRecords.Select(r => r.Reason)], noCandidates);
    }
}
