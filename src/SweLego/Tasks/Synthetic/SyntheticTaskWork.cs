using SweLego.Environments.Backends;
using SweLego.Runs.Stages;
using SweLego.Tasks.Harness;
using SyntheticResult = (SweLego.Tasks.TaskInstance? Instance, SweLego.Tasks.Synthetic.SyntheticRejection? Rejection);

namespace SweLego.Tasks.Synthetic;

/// <summary>
/// <c>tasks synth</c>'s "validate one" for the stage runner: an item is a bug candidate with its id,
/// a worker a validation slot (slot 0 is the one the baseline ran in, its session still warm), a
/// result an instance or a rejection. Rewrites the model could not make are settled rejections. A
/// function that reached <see cref="SyntheticTaskOptions.MaxPerFunction"/> gets no more instances:
/// decided when results are recorded, in candidate order, so the run is reproducible from its seed.
/// </summary>
internal sealed class SyntheticTaskWork : IStageWork<(string Id, BugCandidate Candidate), TaskSandbox, SyntheticResult>
{
    public static StageJournal<SyntheticResult> Records { get; } = new(SyntheticTaskMiner.Stage,
        r => r.Instance?.InstanceId ?? r.Rejection!.CandidateId,
        r => r.Instance is not null ? StageOutcomes.Kept : Outcome(r.Rejection!.Kind),
        new StageFile<SyntheticResult, TaskInstance>(SyntheticTaskMiner.InstancesFile, r => r.Instance, i => (i, null)),
        new StageFile<SyntheticResult, SyntheticRejection>(SyntheticTaskMiner.RejectedFile, r => r.Rejection, r => (null, r)));

    private readonly SyntheticTaskOptions options;
    private readonly SyntheticContext context;
    private readonly BugValidator validator;
    private readonly string slotsDirectory;
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> perFunction = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> byMethod = new(StringComparer.Ordinal);
    private readonly IEnvironmentBackend backend;
    private readonly string runDirectory;
    private TaskSandbox? baselineSlot;

    /// <param name="earlier">What earlier sessions settled (<see cref="StageJournal{TResult}.Read"/>): their instances count toward the limits.</param>
    public SyntheticTaskWork(
        SyntheticTaskOptions options, SyntheticContext context, string slotsDirectory, TaskSandbox baselineSlot,
        IReadOnlyList<SyntheticRejection> generationFailures, IEnumerable<SyntheticResult> earlier, IEnvironmentBackend backend, string runDirectory)
    {
        (this.backend, this.runDirectory) = (backend, runDirectory);
        (this.options, this.context, this.slotsDirectory, this.baselineSlot) = (options, context, slotsDirectory, baselineSlot);
        validator = new BugValidator(context);
        Settled = [.. generationFailures.Select(r => ((TaskInstance?)null, (SyntheticRejection?)r))];
        foreach (var instance in earlier.Select(r => r.Instance).OfType<TaskInstance>()) Count(instance);
    }

    public StageJournal<SyntheticResult> Journal => Records;

    public IReadOnlyList<SyntheticResult> Settled { get; }

    /// <summary>Kept instances per method, earlier sessions included.</summary>
    public IReadOnlyDictionary<string, int> KeptByMethod => byMethod;

    /// <summary>Kept instances by validation mode and the audit's counts, earlier sessions included.</summary>
    public SyntheticModeCounts Modes { get; } = new();

    public static string Outcome(SyntheticRejectionKind kind) => RejectionOutcomes.Of(kind, SyntheticRejectionKind.Error);

    public string Key((string Id, BugCandidate Candidate) item) => item.Id;

    public Task<TaskSandbox> CreateWorkerAsync(int slot, CancellationToken cancellationToken) =>
        Task.FromResult(slot == 0 && Interlocked.Exchange(ref baselineSlot, null) is { } warm
            ? warm
            : new TaskSandbox(Path.Combine(slotsDirectory, $"slot-{slot + 1}"), context.Mirror.Path, backend, runDirectory));

    public async Task<SyntheticResult> ProcessAsync((string Id, BugCandidate Candidate) item, TaskSandbox worker, CancellationToken cancellationToken)
    {
        var bug = Bug(item.Candidate);
        // Only predecessors are recorded yet and a function's count only grows: a function full now is full when this result is recorded.
        bool full;
        lock (gate) full = perFunction.GetValueOrDefault(bug.Function) >= options.MaxPerFunction;
        return full ? (null, LimitRejection(item.Id, bug)) : await validator.ValidateAsync(item.Candidate, item.Id, worker, cancellationToken);
    }

    public SyntheticResult Failed((string Id, BugCandidate Candidate) item, string reason) =>
        (null, new SyntheticRejection { CandidateId = item.Id, Bug = Bug(item.Candidate), Kind = SyntheticRejectionKind.Error, Reason = reason });

    public SyntheticResult Settle(SyntheticResult result)
    {
        if (result.Instance is not { } instance) return result;
        lock (gate)
        {
            if (perFunction.GetValueOrDefault(instance.Bug!.Function) >= options.MaxPerFunction) return (null, LimitRejection(instance.InstanceId, instance.Bug));
            Count(instance);
            return result;
        }
    }

    /// <summary>Counts a kept instance (under the gate, or before the run starts).</summary>
    private void Count(TaskInstance instance)
    {
        perFunction[instance.Bug!.Function] = perFunction.GetValueOrDefault(instance.Bug.Function) + 1;
        byMethod[instance.Bug.Method] = byMethod.GetValueOrDefault(instance.Bug.Method) + 1;
        Modes.Add(instance.Validation);
    }

    private static SyntheticBug Bug(BugCandidate candidate) => new(candidate.Method, $"{candidate.File}::{candidate.Function}", candidate.Description);

    private SyntheticRejection LimitRejection(string id, SyntheticBug bug) => new()
    {
        CandidateId = id, Bug = bug, Kind = SyntheticRejectionKind.FunctionLimit, Reason = $"{bug.Function} already has {options.MaxPerFunction} bug(s) (--per-function)",
    };
}
