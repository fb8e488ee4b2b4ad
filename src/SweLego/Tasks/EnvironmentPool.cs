using System.Collections.Concurrent;
using System.Diagnostics;
using SweLego.Environments;
using SweLego.Environments.Backends;
using SweLego.Runs;
using SweLego.Tasks.Git;

namespace SweLego.Tasks;

/// <summary>
/// One environment per distinct spec of the repository, built the first time a candidate needs
/// it (from that candidate's base commit) and shared by every later candidate: a spec that
/// changes along the history (new dependencies) gets a new environment, an unchanged one never
/// rebuilds. A failed build is remembered too, so the candidates needing it are rejected fast.
/// The environments live once per run (<see cref="RunResources.EnvironmentsFolder"/>), shared by
/// every stage: the local builder's lock makes a second stage wait for, then reuse, the first one's
/// build. Every build or reuse is a line of <see cref="BuildsFile"/>.
/// </summary>
internal sealed class EnvironmentPool(IEnvironmentBackend backend, bool offline, RepositoryMirror mirror, RunFolder run)
{
    public const string BuildsFile = "builds.jsonl";

    private readonly ConcurrentDictionary<string, Lazy<Task<PooledEnvironment>>> _environments = new(StringComparer.Ordinal);
    private readonly string _root = RunResources.EnvironmentsFolder(run);

    public IEnvironmentBackend Backend => backend;

    /// <summary>Time spent building (or finding) the environments so far.</summary>
    public TimeSpan BuildTime => TimeSpan.FromTicks(_environments.Values
        .Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully).Sum(l => l.Value.Result.BuildTime.Ticks));

    public Task<PooledEnvironment> GetAsync(EnvironmentSpec spec, string commit, CancellationToken cancellationToken) =>
        _environments.GetOrAdd(spec.ContentHash, _ => new Lazy<Task<PooledEnvironment>>(() => BuildAsync(spec, commit, cancellationToken))).Value;

    /// <summary>Where the whole log of a failed build of <paramref name="spec"/> is written.</summary>
    public string BuildLogPath(EnvironmentSpec spec) => Path.Combine(_root, spec.ContentHash + ".build.log");

    /// <summary>The record of a built environment, its host paths relative to the run folder.</summary>
    public TaskEnvironment Describe(PooledEnvironment environment)
    {
        var location = backend.Locate(environment.Build);
        return new TaskEnvironment(environment.Id, backend.Name, environment.Spec, location.Image, location.Venv, run.RelativePath(mirror.Path), backend.Workdir)
        {
            Install = environment.Build.Install,
            EnvironmentFolder = location.HostFolder is { } folder ? run.RelativePath(folder) : null,
        };
    }

    private async Task<PooledEnvironment> BuildAsync(EnvironmentSpec spec, string commit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(_root);
        // Its own folder: another stage may be building the same spec at the same time.
        string source = Path.Combine(_root, $"build-{spec.ContentHash}-{Guid.NewGuid():N}");
        try
        {
            await new GitCommand(_root).RunAsync(
                ["clone", "--quiet", "--no-checkout", .. backend.CopiesCheckout ? Array.Empty<string>() : ["--shared"], mirror.Path, source], cancellationToken);
            await new GitCommand(source).RunAsync(["checkout", "--quiet", "--detach", commit], cancellationToken);
            var built = await backend.BuildAsync(spec, source, commit, Path.Combine(_root, "venvs"), offline, cancellationToken);
            // The whole output of a failed build stays in the run folder: messages carry only its end.
            if (!built.Success) AtomicFile.WriteAllText(BuildLogPath(spec), built.FullLog());
            Record(new EnvironmentBuildRecord
            {
                Id = spec.ContentHash, Backend = backend.Name, Commit = commit, Success = built.Success, Reused = built.Reused, Seconds = clock.Elapsed.TotalSeconds,
            });
            return new PooledEnvironment(spec, built, commit, clock.Elapsed);
        }
        finally
        {
            if (Directory.Exists(source)) Directory.Delete(source, recursive: true);
        }
    }

    // Stages of one run (or two processes) may build at once: one appender at a time.
    private void Record(EnvironmentBuildRecord record)
    {
        string path = Path.Combine(_root, BuildsFile);
        using var appending = FileLock.Acquire(Path.Combine(_root, "builds-append"), TimeSpan.FromMinutes(1));
        using var writer = new JsonlWriter<EnvironmentBuildRecord>(path);
        writer.Append(record);
    }
}
