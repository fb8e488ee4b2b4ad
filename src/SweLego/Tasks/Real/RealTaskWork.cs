using SweLego.Environments.Backends;
using SweLego.Runs.Stages;
using SweLego.Tasks.Harness;
using RealTaskResult = (SweLego.Tasks.TaskInstance? Instance, SweLego.Tasks.Real.RealTaskRejection? Rejection);

namespace SweLego.Tasks.Real;

/// <summary>
/// <c>tasks real</c>'s "validate one" for the stage runner: an item is a candidate, a worker a
/// validation slot, a result an instance (instances.jsonl) or a rejection (rejected.jsonl). The
/// unusable --prs lines are settled rejections, recorded first.
/// </summary>
internal sealed class RealTaskWork(
    RepositoryMirror mirror, CandidateValidator validator, string slotsDirectory, IReadOnlyList<RealTaskRejection> unusable,
    IEnvironmentBackend backend, string runDirectory)
    : IStageWork<RealCandidate, TaskSandbox, RealTaskResult>
{
    public static StageJournal<RealTaskResult> Records { get; } = new(RealTaskMiner.Stage,
        r => r.Instance?.InstanceId ?? r.Rejection!.CandidateId,
        r => r.Instance is not null ? StageOutcomes.Kept : Outcome(r.Rejection!.Kind),
        new StageFile<RealTaskResult, TaskInstance>(RealTaskMiner.InstancesFile, r => r.Instance, i => (i, null)),
        new StageFile<RealTaskResult, RealTaskRejection>(RealTaskMiner.RejectedFile, r => r.Rejection, r => (null, r)));

    private long testTicks;

    public StageJournal<RealTaskResult> Journal => Records;

    public IReadOnlyList<RealTaskResult> Settled { get; } = [.. unusable.Select(r => ((TaskInstance?)null, (RealTaskRejection?)r))];

    /// <summary>Test commands' time of the results recorded in this session.</summary>
    public TimeSpan TestTime => TimeSpan.FromTicks(testTicks);

    public static string Outcome(RejectionKind kind) => RejectionOutcomes.Of(kind, RejectionKind.Error);

    public string Key(RealCandidate item) => item.Id;

    public Task<TaskSandbox> CreateWorkerAsync(int slot, CancellationToken cancellationToken) =>
        Task.FromResult(new TaskSandbox(Path.Combine(slotsDirectory, $"slot-{slot + 1}"), mirror.Path, backend, runDirectory));

    public Task<RealTaskResult> ProcessAsync(RealCandidate item, TaskSandbox worker, CancellationToken cancellationToken) =>
        validator.ValidateAsync(item, worker, cancellationToken);

    /// <summary>An unexpected error says nothing about the candidate (the daemon was down, the disk full): it is tried again.</summary>
    public RealTaskResult Failed(RealCandidate item, string reason) =>
        (null, new RealTaskRejection { CandidateId = item.Id, FixCommit = item.FixCommit, BaseCommit = item.BaseCommit, Kind = RejectionKind.Error, Reason = reason });

    public RealTaskResult Settle(RealTaskResult result)
    {
        testTicks += TimeSpan.FromSeconds(result.Instance?.Timings.Tests ?? result.Rejection?.Timings?.Tests ?? 0).Ticks;
        return result;
    }
}
