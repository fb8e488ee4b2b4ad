using SweLego.Agent;
using SweLego.Agent.Protocol;
using SweLego.Agent.Tools;
using SweLego.Agent.Trajectories;
using SweLego.Environments.Backends;
using SweLego.Models;
using SweLego.Runs;
using SweLego.Runs.Stages;
using SweLego.Sandboxes;
using SweLego.Tasks;

namespace SweLego.Rollouts;

/// <summary>
/// The rollout stage's "process one" for the stage runner: a fresh sanitized workspace and sandbox per rollout,
/// the agent loop in it, the patch taken, the trajectory saved after every step. A rollout whose trajectory was
/// finished before a crash (but not yet recorded) is recorded from its file, not run again; one that was cut off
/// is deleted and run again from the start.
/// </summary>
internal sealed class RolloutWork(
    RolloutOptions options, IModelClient model, IToolCallProtocol protocol, TrajectoryStore store, RunFolder run, string instancesRun,
    IReadOnlyList<RolloutRecord> settled, RolloutTally tally) : IStageWork<RolloutItem, RolloutWork.Slot, RolloutRecord>
{
    private readonly Dictionary<string, IEnvironmentBackend> backends = new(StringComparer.Ordinal);

    public StageJournal<RolloutRecord> Journal { get; } = Records(RolloutStage.Stage);

    public IReadOnlyList<RolloutRecord> Settled => settled;

    public static StageJournal<RolloutRecord> Records(string stage) => new(stage, r => r.Key, Outcome,
        new StageFile<RolloutRecord, RolloutRecord>(RolloutStage.RolloutsFile, r => r, r => r));

    /// <summary>
    /// The status. A rollout that could not start or whose sandbox failed is an error the runner tries again (at once, and on
    /// resume); a model error is an outcome of its own (the trajectory shows where the server failed), kept on resume.
    /// </summary>
    public static string Outcome(RolloutRecord record) =>
        record.Status is null or RolloutStatus.SandboxError or RolloutStatus.Running ? StageOutcomes.Error : record.Outcome;

    public string Key(RolloutItem item) => item.Key;

    public Task<Slot> CreateWorkerAsync(int slot, CancellationToken cancellationToken) =>
        Task.FromResult(new Slot(Path.Combine(run.StagePath(RolloutStage.Stage, "work"), slot.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public RolloutRecord Failed(RolloutItem item, string reason) => NewRecord(item) with { Error = reason };

    public async Task<RolloutRecord> ProcessAsync(RolloutItem item, Slot slot, CancellationToken cancellationToken)
    {
        var task = item.Instance.Task ?? throw new InvalidOperationException($"{item.Instance.InstanceId} is not a SweLego instance");
        if (store.Load(item.Instance.InstanceId, item.RolloutId) is { } done && done.Patch is not null && Outcome(Record(item, done)) != StageOutcomes.Error) return Record(item, done);
        store.Delete(item.Instance.InstanceId, item.RolloutId);

        slot.Clean();
        string workspace = Path.Combine(slot.Folder, "repo");
        if (task.OriginalCommit is not null) await TaskWorkspaces.CreateSyntheticAsync(task, instancesRun, workspace, cancellationToken);
        else await TaskWorkspaces.CreateRealAsync(task, instancesRun, workspace, cancellationToken);

        var backend = Backend(task.Environment.Backend);
        await using var session = await backend.StartWorkspaceSessionAsync(task.Environment.Locate(instancesRun), workspace, task.BaseCommit, cancellationToken);
        var tools = AgentTools.Create(session, new ExecuteBashOptions { NoOutputTimeout = options.NoOutputTimeout });
        var start = new Trajectory
        {
            InstanceId = item.Instance.InstanceId, RolloutId = item.RolloutId, Repo = task.Repo, Model = model.Model, Protocol = protocol.Name,
            Tools = [.. tools.Select(t => t.Definition.Name)], BaseCommit = task.BaseCommit, Status = RolloutStatus.Running,
            Settings = new TrajectorySettings(options.Agent.MaxTurns, options.Agent.Temperature, options.Agent.TopP, options.Agent.MaxTokens, options.Agent.Seed, options.Agent.ContextWindow),
            StartedAt = DateTimeOffset.UtcNow, Messages = [], Steps = [],
        };
        tally.Started();
        try
        {
            var loop = new AgentLoop(model, protocol, tools, options.Agent);
            var writer = new TrajectoryWriter();
            var trajectory = await loop.RunAsync(start, AgentPrompts.Instruction(session.Workdir, task.ProblemStatement, task.BaseCommit), t =>
            {
                tally.Step(t.Steps[^1]);
                store.Save(t, writer, durable: false);
                return Task.CompletedTask;
            }, cancellationToken);
            trajectory = await WithPatchAsync(trajectory, session, task.BaseCommit, cancellationToken);
            store.Save(trajectory, writer, durable: true);
            return Record(item, trajectory);
        }
        finally
        {
            tally.Ended();
        }
    }

    /// <summary>The trajectory with the workspace's patch (partial work counts too); a sandbox that cannot give it is a sandbox error.</summary>
    private static async Task<Trajectory> WithPatchAsync(Trajectory trajectory, ISandboxSession session, string baseCommit, CancellationToken cancellationToken)
    {
        try
        {
            return trajectory with { Patch = await PatchExtractor.ExtractAsync(session, session.Workdir, baseCommit, cancellationToken) };
        }
        catch (SandboxException e) when (trajectory.Status != RolloutStatus.SandboxError)
        {
            return trajectory with { Status = RolloutStatus.SandboxError, StatusDetail = e.Message, Patch = "" };
        }
        catch (SandboxException)
        {
            return trajectory with { Patch = "" };
        }
    }

    private IEnvironmentBackend Backend(string name)
    {
        lock (backends)
        {
            if (!backends.TryGetValue(name, out var backend)) backends[name] = backend = EnvironmentBackends.Create(name, options.Docker);
            return backend;
        }
    }

    private RolloutRecord NewRecord(RolloutItem item) => new() { InstanceId = item.Instance.InstanceId, RolloutId = item.RolloutId, ModelNameOrPath = model.Model };

    private RolloutRecord Record(RolloutItem item, Trajectory trajectory) => NewRecord(item) with
    {
        ModelPatch = trajectory.Patch ?? "", Status = trajectory.Status, StatusDetail = trajectory.StatusDetail,
        Turns = trajectory.Turns, PromptTokens = trajectory.PromptTokens, CompletionTokens = trajectory.CompletionTokens,
        MalformedCalls = trajectory.Steps.Count(s => s.CallError is not null),
        RepairedCalls = trajectory.Steps.Count(s => s.Call is not null && s.Repairs.Count > 0),
        Seconds = Math.Round(((trajectory.EndedAt ?? DateTimeOffset.UtcNow) - trajectory.StartedAt).TotalSeconds, 3),
        Trajectory = run.RelativePath(store.PathOf(trajectory.InstanceId, trajectory.RolloutId)),
    };

    /// <summary>A job's scratch folder: the workspace of its current rollout.</summary>
    internal sealed class Slot(string folder) : IAsyncDisposable
    {
        public string Folder { get; } = folder;

        public void Clean()
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
            Directory.CreateDirectory(Folder);
        }

        public ValueTask DisposeAsync()
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }
}
