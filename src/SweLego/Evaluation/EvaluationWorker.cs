using SweLego.Environments.Backends;
using SweLego.Environments.Build;
using SweLego.Evaluation.Inputs;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Tasks.Harness;

namespace SweLego.Evaluation;

/// <summary>
/// One parallel job of the evaluation. For our instances a <see cref="TaskSandbox"/> (checkout +
/// environment + session) kept while consecutive predictions share a repository and environment;
/// for an image, a fresh container per prediction, as the harness makes one per instance.
/// </summary>
internal sealed class EvaluationWorker(string directory, DockerBackendOptions docker) : IAsyncDisposable
{
    private TaskSandbox? _sandbox;
    private string? _sandboxKey;
    private ISandboxSession? _container;

    /// <summary>A tree at the instance's base (our synthetic tasks: the original commit with the bug), before the model patch.</summary>
    public async Task<EvaluationTree> PrepareAsync(EvaluationEnvironment environment, EvaluationInstance instance, string instancesRun, CancellationToken cancellationToken)
    {
        await DisposeContainerAsync();
        if (environment.Ours is { } ours)
        {
            string mirror = ours.MirrorPath(instancesRun);
            string key = $"{ours.Backend}\n{mirror}";
            if (_sandboxKey != key)
            {
                await ResetAsync();
                if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
                _sandbox = new TaskSandbox(Path.Combine(directory, "checkout"), mirror, EnvironmentBackends.Create(ours.Backend, docker), instancesRun);
                _sandboxKey = key;
            }

            var task = instance.Task!;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var session = await _sandbox!.SessionAsync(ours, cancellationToken);
            var start = clock.Elapsed;
            string commit = task.OriginalCommit ?? task.BaseCommit;
            if (await _sandbox.PrepareAsync(session, commit, task.BugPatch is { } bug ? [bug] : [], cancellationToken) is { } problem)
                throw new SandboxException($"{instance.InstanceId}: the instance's own tree cannot be made at {commit}: {problem}");
            return EvaluationTree.Ours(_sandbox, session, ours, instance, commit) with { StartSeconds = start.TotalSeconds };
        }

        string image = environment.Image!;
        var started = System.Diagnostics.Stopwatch.StartNew();
        _container = await new DockerBackend(docker).StartAsync(
            new SandboxSpec { Image = image, Workdir = EvaluationTree.ImageWorkdir, Environment = EnvironmentSessions.Variables }, cancellationToken);
        return EvaluationTree.Image(_container, instance) with { StartSeconds = started.Elapsed.TotalSeconds };
    }

    /// <summary>Ends the sessions (after a timeout or a crash they may be unusable); the next prediction starts new ones.</summary>
    public async Task ResetAsync()
    {
        await DisposeContainerAsync();
        if (_sandbox is not null) await _sandbox.ResetAsync();
    }

    private async Task DisposeContainerAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
        _container = null;
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeContainerAsync();
        if (_sandbox is not null) await _sandbox.DisposeAsync();
        (_sandbox, _sandboxKey) = (null, null);
    }
}
