using System.Collections.Concurrent;
using SweLego.Runs;

using SweLego.Tasks.Harness;

namespace SweLego.Tasks.Synthetic;

public static partial class SyntheticTaskMiner
{
    /// <summary>
    /// Validates the candidates in order, <see cref="TaskMiningOptions.Jobs"/> at once, skipping those
    /// an earlier session recorded, and records the results in candidate order. A function that
    /// reached its limit gets no more validations; reaching --max cancels the work in flight (not
    /// recorded, so a later run does it).
    /// </summary>
    private static async Task<(int Kept, Dictionary<string, int> ByMethod, Dictionary<SyntheticRejectionKind, int> Rejected, int Skipped, SyntheticModeCounts Modes)> ValidateAllAsync(
        RunFolder run, SyntheticTaskOptions options, SyntheticContext context, List<(string Id, BugCandidate Candidate)> candidates,
        List<SyntheticRejection> generationFailures, SyntheticRunState state, ConcurrentBag<TaskSandbox> slots,
        IProgress<SyntheticTaskProgress>? progress, CancellationToken cancellationToken)
    {
        var previous = state.Instances;
        var earlierRejections = state.Rejections;
        var done = state.Done;
        var perFunction = previous.GroupBy(i => i.Bug!.Function).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var byMethod = previous.GroupBy(i => i.Bug!.Method).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rejected = earlierRejections.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        int kept = previous.Count;
        var modes = new SyntheticModeCounts();
        foreach (var instance in previous) modes.Add(instance.Validation);
        int skipped = candidates.Count(c => done.Contains(c.Id));
        int finished = skipped;

        using var instances = run.OpenJsonlWriter<TaskInstance>(Stage, InstancesFile);
        using var rejections = run.OpenJsonlWriter<SyntheticRejection>(Stage, RejectedFile);
        var gate = new object();
        void Report() => progress?.Report(new SyntheticTaskProgress("validating", candidates.Count + generationFailures.Count, finished, kept, new Dictionary<SyntheticRejectionKind, int>(rejected)));
        void Record(TaskInstance? instance, SyntheticRejection? rejection, int? limit)
        {
            lock (gate)
            {
                if (instance is not null && !(limit is { } max && kept >= max))
                {
                    if (perFunction.GetValueOrDefault(instance.Bug!.Function) >= options.MaxPerFunction)
                    {
                        rejection = LimitRejection(instance.InstanceId, instance.Bug, options.MaxPerFunction);
                    }
                    else
                    {
                        instances.Append(instance);
                        kept++;
                        perFunction[instance.Bug.Function] = perFunction.GetValueOrDefault(instance.Bug.Function) + 1;
                        byMethod[instance.Bug.Method] = byMethod.GetValueOrDefault(instance.Bug.Method) + 1;
                        modes.Add(instance.Validation);
                    }
                }

                if (rejection is not null)
                {
                    rejections.Append(rejection);
                    rejected[rejection.Kind] = rejected.GetValueOrDefault(rejection.Kind) + 1;
                }

                finished++;
            }

            Report();
        }

        foreach (var failure in generationFailures) Record(null, failure, null);
        Report();
        var validator = new BugValidator(context);
        using var enough = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Max is { } limit0 && kept >= limit0) await enough.CancelAsync();
        // Validations run in parallel but are recorded in candidate order, so the per-function limit and
        // --max keep the same instances whatever the timing: the run is reproducible from its seed.
        try
        {
            await OrderedParallel.ForEachAsync(candidates.Where(c => !done.Contains(c.Id)).ToList(), options.Jobs,
                async (item, token) =>
                {
                    var (id, candidate) = item;
                    var bug = new SyntheticBug(candidate.Method, $"{candidate.File}::{candidate.Function}", candidate.Description);
                    bool full;
                    lock (gate) full = perFunction.GetValueOrDefault(bug.Function) >= options.MaxPerFunction;
                    return full ? (null, LimitRejection(id, bug, options.MaxPerFunction)) : await ValidateInSlotAsync(validator, candidate, id, bug, slots, token);
                },
                (_, result) =>
                {
                    Record(result.Item1, result.Item2, options.Max);
                    lock (gate)
                    {
                        if (options.Max is { } max && kept >= max) enough.Cancel();
                    }
                },
                enough.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // --max reached.
        }

        run.UpdateStage(Stage, s => s.WithCount("kept_fast", modes.ByMode.GetValueOrDefault(SyntheticValidation.CoveringOnly))
            .WithCount("audited", modes.Audited).WithCount("audit_differed", modes.Differed));
        run.CompleteStage(Stage);
        return (kept, byMethod, rejected, skipped, modes);
    }

    private static SyntheticRejection LimitRejection(string id, SyntheticBug bug, int limit) => new()
    {
        CandidateId = id, Bug = bug, Kind = SyntheticRejectionKind.FunctionLimit, Reason = $"{bug.Function} already has {limit} bug(s) (--per-function)",
    };

    private static async Task<(TaskInstance?, SyntheticRejection?)> ValidateInSlotAsync(
        BugValidator validator, BugCandidate candidate, string id, SyntheticBug bug, ConcurrentBag<TaskSandbox> slots, CancellationToken cancellationToken)
    {
        slots.TryTake(out var slot);
        try
        {
            return await ValidateOrErrorAsync(validator, candidate, id, bug, slot!, cancellationToken);
        }
        finally
        {
            slots.Add(slot!);
        }
    }

    private static async Task<(TaskInstance?, SyntheticRejection?)> ValidateOrErrorAsync(
        BugValidator validator, BugCandidate candidate, string id, SyntheticBug bug, TaskSandbox slot, CancellationToken cancellationToken)
    {
        try
        {
            return await validator.ValidateAsync(candidate, id, slot, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await slot.ResetAsync();
            return (null, new SyntheticRejection { CandidateId = id, Bug = bug, Kind = SyntheticRejectionKind.Error, Reason = $"{e.GetType().Name}: {e.Message}" });
        }
    }
}
