using System.Collections.Concurrent;
using SweLego.Runs;

namespace SweLego.Tasks.Synthetic;

public static partial class SyntheticTaskMiner
{
    /// <summary>
    /// Validates the candidates in order, <see cref="SyntheticTaskOptions.Jobs"/> at once, skipping those
    /// an earlier session recorded. A function that reached its limit gets no more validations;
    /// reaching --max cancels the work in flight (not recorded, so a later run does it).
    /// </summary>
    private static async Task<(int Kept, Dictionary<string, int> ByMethod, Dictionary<SyntheticRejectionKind, int> Rejected, int Skipped)> ValidateAllAsync(
        RunFolder run, SyntheticTaskOptions options, SyntheticContext context, List<(string Id, BugCandidate Candidate)> candidates,
        List<SyntheticRejection> generationFailures, SyntheticRunState state, ConcurrentBag<ValidationSlot> slots,
        IProgress<SyntheticTaskProgress>? progress, CancellationToken cancellationToken)
    {
        var previous = state.Instances;
        var earlierRejections = state.Rejections;
        var done = state.Done;
        var perFunction = previous.GroupBy(i => i.Bug!.Function).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var byMethod = previous.GroupBy(i => i.Bug!.Method).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rejected = earlierRejections.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        int kept = previous.Count;
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
        var validator = new BugValidator(options, context);
        using var enough = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Max is { } limit0 && kept >= limit0) await enough.CancelAsync();
        try
        {
            await Parallel.ForEachAsync(candidates.Where(c => !done.Contains(c.Id)), new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = enough.Token },
                async (item, token) =>
                {
                    var (id, candidate) = item;
                    var bug = new SyntheticBug(candidate.Method, $"{candidate.File}::{candidate.Function}", candidate.Description);
                    bool full;
                    lock (gate) full = perFunction.GetValueOrDefault(bug.Function) >= options.MaxPerFunction;
                    if (full)
                    {
                        Record(null, LimitRejection(id, bug, options.MaxPerFunction), null);
                        return;
                    }

                    slots.TryTake(out var slot);
                    try
                    {
                        var (instance, rejection) = await ValidateOrErrorAsync(validator, candidate, id, bug, slot!, token);
                        Record(instance, rejection, options.Max);
                        lock (gate)
                        {
                            if (options.Max is { } max && kept >= max) enough.Cancel();
                        }
                    }
                    finally
                    {
                        slots.Add(slot!);
                    }
                });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // --max reached.
        }

        run.CompleteStage(Stage);
        return (kept, byMethod, rejected, skipped);
    }

    private static SyntheticRejection LimitRejection(string id, SyntheticBug bug, int limit) => new()
    {
        CandidateId = id, Bug = bug, Kind = SyntheticRejectionKind.FunctionLimit, Reason = $"{bug.Function} already has {limit} bug(s) (--per-function)",
    };

    private static async Task<(TaskInstance?, SyntheticRejection?)> ValidateOrErrorAsync(
        BugValidator validator, BugCandidate candidate, string id, SyntheticBug bug, ValidationSlot slot, CancellationToken cancellationToken)
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
