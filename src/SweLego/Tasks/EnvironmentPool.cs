using System.Collections.Concurrent;
using System.Diagnostics;
using SweLego.Environments;
using SweLego.Environments.Build;
using SweLego.Runs;
using SweLego.Sandboxes;
using SweLego.Tasks.Git;

namespace SweLego.Tasks;

/// <summary>
/// One environment per distinct spec of the repository, built the first time a candidate needs
/// it (from that candidate's base commit) and shared by every later candidate: a spec that
/// changes along the history (new dependencies) gets a new environment, an unchanged one never
/// rebuilds. A failed build is remembered too, so the candidates needing it are rejected fast.
/// </summary>
internal sealed class EnvironmentPool(TaskMiningOptions options, RepositoryMirror mirror, string root)
{
    /// <summary>Where a checkout is mounted in a bwrap sandbox; an editable install points here.</summary>
    public const string LocalWorkdir = "/tmp/testbed";

    private readonly ConcurrentDictionary<string, Lazy<Task<PooledEnvironment>>> _environments = new(StringComparer.Ordinal);

    public string Workdir => options.Backend == SandboxBackends.Docker ? DockerEnvironmentBuilder.Workdir : LocalWorkdir;

    /// <summary>Time spent building (or finding) the environments so far.</summary>
    public TimeSpan BuildTime => TimeSpan.FromTicks(_environments.Values
        .Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully).Sum(l => l.Value.Result.BuildTime.Ticks));

    public Task<PooledEnvironment> GetAsync(EnvironmentSpec spec, string commit, CancellationToken cancellationToken) =>
        _environments.GetOrAdd(spec.ContentHash, _ => new Lazy<Task<PooledEnvironment>>(() => BuildAsync(spec, commit, cancellationToken))).Value;

    /// <summary>Where the whole log of a failed build of <paramref name="spec"/> is written.</summary>
    public string BuildLogPath(EnvironmentSpec spec) => Path.Combine(root, spec.ContentHash + ".build.log");

    private async Task<PooledEnvironment> BuildAsync(EnvironmentSpec spec, string commit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string source = Path.Combine(root, "build-" + spec.ContentHash);
        if (Directory.Exists(source)) Directory.Delete(source, recursive: true);
        try
        {
            // Docker copies the checkout into the image, so it must own its objects (no --shared).
            bool inImage = options.Backend == SandboxBackends.Docker;
            await new GitCommand(root).RunAsync(["clone", "--quiet", "--no-checkout", .. inImage ? Array.Empty<string>() : ["--shared"], mirror.Path, source], cancellationToken);
            await new GitCommand(source).RunAsync(["checkout", "--quiet", "--detach", commit], cancellationToken);
            var built = inImage
                ? await DockerEnvironmentBuilder.BuildAsync(spec, source, commit, options.Offline, options.Docker, options.Images, cancellationToken)
                : await LocalEnvironmentBuilder.BuildAsync(spec, source, Path.Combine(root, "venvs"), options.Offline, LocalWorkdir, cancellationToken);
            // The whole output of a failed build stays in the run folder: messages carry only its end.
            if (!built.Success) AtomicFile.WriteAllText(BuildLogPath(spec), built.FullLog());
            return new PooledEnvironment(spec, built, commit, clock.Elapsed);
        }
        finally
        {
            if (Directory.Exists(source)) Directory.Delete(source, recursive: true);
        }
    }
}
