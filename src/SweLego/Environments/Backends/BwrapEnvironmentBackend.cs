using SweLego.Environments.Build;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tasks.Git;

namespace SweLego.Environments.Backends;

/// <summary>
/// Venvs built in bwrap (<see cref="LocalEnvironmentBuilder"/>) and sessions on the host checkout:
/// it is mounted at <see cref="Workdir"/>, the venv read-only at its fixed sandbox path and the
/// checkout's <c>.git</c> read-only (the host runs git there between runs: a test suite that wrote
/// .git/config or hooks would run commands on the host). The host checks the tree out.
/// </summary>
public sealed class BwrapEnvironmentBackend(BwrapOptions? options = null) : IEnvironmentBackend
{
    /// <summary>Where a checkout is mounted; an editable install points here.</summary>
    public const string LocalWorkdir = "/tmp/testbed";

    public string Name => SandboxBackends.Bwrap;

    public string Workdir => LocalWorkdir;

    public bool CopiesCheckout => false;

    public Task EnsureAvailableAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<EnvironmentBuildResult> BuildAsync(
        EnvironmentSpec spec, string checkout, string commit, string environmentsRoot, bool offline, CancellationToken cancellationToken) =>
        LocalEnvironmentBuilder.BuildAsync(spec, checkout, environmentsRoot, offline, LocalWorkdir, cancellationToken);

    public EnvironmentLocation Locate(EnvironmentBuildResult build) =>
        new(build.Directory, null, build.HostDirectory ?? throw new ArgumentException("A local environment build names its host folder.", nameof(build)));

    public Task<ISandboxSession> StartSessionAsync(EnvironmentLocation environment, string hostCheckout, CancellationToken cancellationToken) =>
        StartAsync(environment, hostCheckout, [new SandboxMount(Path.Combine(hostCheckout, ".git"), LocalWorkdir + "/.git", ReadOnly: true)], SandboxLimits.Default, cancellationToken);

    // The workspace's .git stays writable: the host never runs git there again.
    public Task<ISandboxSession> StartWorkspaceSessionAsync(EnvironmentLocation environment, string workspace, string baseCommit, CancellationToken cancellationToken) =>
        StartAsync(environment, workspace, [], EnvironmentSessions.AgentLimits, cancellationToken);

    private Task<ISandboxSession> StartAsync(
        EnvironmentLocation environment, string workspace, IReadOnlyList<SandboxMount> extra, SandboxLimits limits, CancellationToken cancellationToken)
    {
        string folder = environment.HostFolder ?? throw new SandboxException("A bwrap session needs the environment's host folder; the record names none.");
        if (!Directory.Exists(folder)) throw new SandboxException($"The environment folder {folder} does not exist (was the run folder moved without its environments/?).");
        var spec = new SandboxSpec
        {
            HostWorkspace = workspace,
            Workdir = LocalWorkdir,
            Mounts = [new SandboxMount(folder, environment.Venv, ReadOnly: true), .. extra],
            Limits = limits,
        };
        return EnvironmentSessions.StartAsync(new BwrapBackend(options ?? new BwrapOptions()), spec, environment.Venv, cancellationToken);
    }

    public Task CheckoutTreeAsync(ISandboxSession session, string hostCheckout, string commit, CancellationToken cancellationToken) =>
        TreeCheckout.OnHostAsync(hostCheckout, commit, cancellationToken);

    public async Task<IReadOnlyList<bool>> StageFilesAsync(
        ISandboxSession session, string hostCheckout, string mirror, string commit, IReadOnlyList<string> files, string stagingFolder,
        CancellationToken cancellationToken)
    {
        // The sandbox cannot see the mirror's objects: the host reads them, into the checkout's .git (read-only to the sandbox).
        string staging = Path.Combine(hostCheckout, stagingFolder);
        Directory.CreateDirectory(staging);
        var git = new GitCommand(mirror);
        var found = new List<bool>();
        for (int i = 0; i < files.Count; i++)
            found.Add(await git.TryWriteBlobAsync(commit, files[i], Path.Combine(staging, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken));
        return found;
    }
}
