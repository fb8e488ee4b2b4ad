using System.Collections.Concurrent;
using System.Diagnostics;
using SweLego.Runs;
using SweLego.Tasks.Harness;

namespace SweLego.Tasks.Real;

/// <summary>
/// <c>swelego tasks real</c>: turns a repository's history into validated SWE-bench instances in
/// the run folder's <see cref="Stage"/> stage. Candidates are validated newest first, up to
/// <see cref="TaskMiningOptions.Jobs"/> at once; each ends as one line in <see cref="InstancesFile"/>
/// or <see cref="RejectedFile"/>, so a run stopped at any point resumes where it was and never
/// repeats or loses a candidate. One bad candidate never stops the batch; one that failed with
/// an unexpected error (<see cref="RejectionKind.Error"/>) is recorded and tried again on resume.
/// </summary>
public static class RealTaskMiner
{
    public const string Stage = "tasks-real";
    public const string InstancesFile = "instances.jsonl";
    public const string RejectedFile = "rejected.jsonl";

    public static async Task<RealTaskSummary> RunAsync(
        RunFolder run, RealTaskOptions options, IProgress<RealTaskProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return await run.GuardStageAsync(Stage, () => RunStageAsync(run, options, progress, cancellationToken));
    }

    private static async Task<RealTaskSummary> RunStageAsync(
        RunFolder run, RealTaskOptions options, IProgress<RealTaskProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        // Fail before any work when the backend cannot run (the daemon is down), with the message that says how to start it.
        var backend = options.CreateBackend();
        await backend.EnsureAvailableAsync(cancellationToken);

        run.StartStage(Stage);
        var mirror = await RunResources.MirrorAsync(run, options.Repository, cancellationToken);
        var (candidates, badRecords) = await CandidateDiscovery.DiscoverAsync(mirror, options.Since, options.PrsFile, cancellationToken);
        string? noCandidates = candidates.Count == 0 ? await CandidateDiscovery.ExplainNoCandidatesAsync(mirror, options.Since, cancellationToken) : null;

        var kept = run.ReadDoneKeys<TaskInstance>(Stage, InstancesFile, i => i.InstanceId, RunJson.Options);
        string rejectedPath = run.StagePath(Stage, RejectedFile);
        // An unexpected error says nothing about the candidate (the daemon was down, the disk full): it is tried again.
        var rejected = (File.Exists(rejectedPath) ? JsonlReader.Read<RealTaskRejection>(rejectedPath, RunJson.Options) : [])
            .Where(r => r.Kind != RejectionKind.Error)
            .GroupBy(r => r.CandidateId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Kind, StringComparer.Ordinal);
        var rejectedCounts = new ConcurrentDictionary<RejectionKind, int>(rejected.Values.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count()));
        int skipped = candidates.Count(c => kept.Contains(c.Id) || rejected.ContainsKey(c.Id));

        using var instances = run.OpenJsonlWriter<TaskInstance>(Stage, InstancesFile);
        using var rejections = run.OpenJsonlWriter<RealTaskRejection>(Stage, RejectedFile);
        foreach (var record in badRecords.Where(r => !rejected.ContainsKey(r.CandidateId)))
        {
            rejections.Append(record);
            rejectedCounts.AddOrUpdate(record.Kind, 1, (_, n) => n + 1);
        }

        int keptCount = kept.Count;
        int done = skipped;
        void Report(string? current) =>
            progress?.Report(new RealTaskProgress(candidates.Count, done, keptCount, new Dictionary<RejectionKind, int>(rejectedCounts), current));
        Report(null);

        string work = run.StagePath(Stage, "work");
        Directory.CreateDirectory(work);
        var environments = new EnvironmentPool(backend, options.Offline, mirror, run);
        var validator = new CandidateValidator(options, mirror, environments, run.StagePath(Stage, "logs"));
        var slots = new ConcurrentBag<TaskSandbox>(
            Enumerable.Range(1, options.Jobs).Select(i => new TaskSandbox(Path.Combine(work, $"slot-{i}"), mirror.Path, backend, run.DirectoryPath)));
        long testTicks = 0;

        // Results are recorded in candidate order (the same instances for any --jobs). Reaching --max cancels
        // the work in flight: unfinished candidates are not recorded, so a later run with a higher --max does them.
        using var enough = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Max is { } max && keptCount >= max) await enough.CancelAsync();
        var todo = candidates.Where(c => !kept.Contains(c.Id) && !rejected.ContainsKey(c.Id)).ToList();
        try
        {
            await OrderedParallel.ForEachAsync(todo, options.Jobs,
                async (candidate, token) =>
                {
                    slots.TryTake(out var slot);
                    try
                    {
                        Report(candidate.Id);
                        return await ValidateOrErrorAsync(validator, candidate, slot!, token);
                    }
                    finally
                    {
                        slots.Add(slot!);
                    }
                },
                (_, result) =>
                {
                    var (instance, rejection) = result;
                    if (instance is not null)
                    {
                        instances.Append(instance);
                        keptCount++;
                        testTicks += TimeSpan.FromSeconds(instance.Timings.Tests).Ticks;
                        if (options.Max is { } m && keptCount >= m) enough.Cancel();
                    }
                    else if (rejection is not null)
                    {
                        rejections.Append(rejection);
                        rejectedCounts.AddOrUpdate(rejection.Kind, 1, (_, n) => n + 1);
                        testTicks += TimeSpan.FromSeconds(rejection.Timings?.Tests ?? 0).Ticks;
                    }

                    done++;
                    Report(null);
                },
                enough.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // --max reached.
        }
        finally
        {
            foreach (var slot in slots) await slot.DisposeAsync();
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }

        run.CompleteStage(Stage);
        return new RealTaskSummary(mirror.Name, candidates.Count, keptCount, new Dictionary<RejectionKind, int>(rejectedCounts), skipped,
            instances.Path, rejections.Path, clock.Elapsed, environments.BuildTime, TimeSpan.FromTicks(testTicks),
            [.. badRecords.Select(r => r.Reason)], noCandidates);
    }

    /// <summary>An unexpected failure of one candidate becomes its rejection (kind Error) and resets its slot; cancellation propagates.</summary>
    private static async Task<(TaskInstance?, RealTaskRejection?)> ValidateOrErrorAsync(
        CandidateValidator validator, RealCandidate candidate, TaskSandbox slot, CancellationToken cancellationToken)
    {
        try
        {
            return await validator.ValidateAsync(candidate, slot, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await slot.ResetAsync();
            return (null, new RealTaskRejection
            {
                CandidateId = candidate.Id, FixCommit = candidate.FixCommit, BaseCommit = candidate.BaseCommit,
                Kind = RejectionKind.Error, Reason = $"{e.GetType().Name}: {e.Message}",
            });
        }
    }
}
