using System.Globalization;
using System.Text;
using SweLego.Environments.Build;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;

namespace SweLego.Environments.Backends;

/// <summary>
/// Environments as docker images (<see cref="DockerEnvironmentBuilder"/>): the repository is the
/// image's own copy at /testbed, checked out and patched inside the container as the SWE-bench
/// harness does; the host checkout is only read (environment inference, diffs).
/// </summary>
public sealed class DockerEnvironmentBackend(DockerBackendOptions docker, DockerEnvironmentOptions? images = null) : IEnvironmentBackend
{
    private static readonly ExecOptions GitLimit = new() { Timeout = TimeSpan.FromMinutes(5) };

    public string Name => SandboxBackends.Docker;

    public string Workdir => DockerEnvironmentBuilder.Workdir;

    public bool CopiesCheckout => true;

    public async Task EnsureAvailableAsync(CancellationToken cancellationToken)
    {
        var endpoint = DockerEndpoint.Resolve(docker.Endpoint);
        using var client = DockerEndpoint.CreateClient(endpoint);
        try
        {
            await client.System.PingAsync(cancellationToken);
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
        {
            throw DockerErrors.Translate(e, endpoint, "check that it runs");
        }
    }

    public Task<EnvironmentBuildResult> BuildAsync(
        EnvironmentSpec spec, string checkout, string commit, string environmentsRoot, bool offline, CancellationToken cancellationToken) =>
        DockerEnvironmentBuilder.BuildAsync(spec, checkout, commit, offline, docker, images, cancellationToken);

    public EnvironmentLocation Locate(EnvironmentBuildResult build) =>
        new(build.Directory, build.Image ?? throw new ArgumentException("An image build names its image.", nameof(build)), null);

    public Task<ISandboxSession> StartSessionAsync(EnvironmentLocation environment, string hostCheckout, CancellationToken cancellationToken) =>
        StartAsync(environment, SandboxLimits.Default, cancellationToken);

    private Task<ISandboxSession> StartAsync(EnvironmentLocation environment, SandboxLimits limits, CancellationToken cancellationToken)
    {
        string image = environment.Image ?? throw new SandboxException("A docker session needs the environment's image; the record names none.");
        return EnvironmentSessions.StartAsync(new DockerBackend(docker), new SandboxSpec { Image = image, Workdir = Workdir, Limits = limits }, environment.Venv, cancellationToken);
    }

    public async Task<ISandboxSession> StartWorkspaceSessionAsync(EnvironmentLocation environment, string workspace, string baseCommit, CancellationToken cancellationToken)
    {
        var session = await StartAsync(environment, EnvironmentSessions.AgentLimits, cancellationToken);
        try
        {
            // The image's history reaches past the base (it was built from the mirror): swap in the sanitized one.
            var removed = await session.ExecAsync($"rm -rf {BashQuoting.Quote(Workdir + "/.git")}", GitLimit, cancellationToken);
            if (removed.ExitCode != 0) throw new SandboxException($"removing the image's repository history failed: {removed.Output.Trim()}");
            await session.CopyInAsync(Path.Combine(workspace, ".git"), Workdir + "/.git", cancellationToken);
            await CheckoutTreeAsync(session, workspace, baseCommit, cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task CheckoutTreeAsync(ISandboxSession session, string hostCheckout, string commit, CancellationToken cancellationToken)
    {
        var result = await session.ExecAsync($"(cd {BashQuoting.Quote(Workdir)} && {TreeCheckout.Command(commit)})", GitLimit, cancellationToken);
        if (result.ExitCode != 0) throw new SandboxException($"checking out {commit} in the container failed (exit {result.ExitCode}): {result.Output.Trim()}");
    }

    public async Task<IReadOnlyList<bool>> StageFilesAsync(
        ISandboxSession session, string hostCheckout, string mirror, string commit, IReadOnlyList<string> files, string stagingFolder,
        CancellationToken cancellationToken)
    {
        // The image holds the whole history: the container's git reads it (prints 1 or 0 per file).
        // In a subshell at the workdir: the session's own working folder stays as it was.
        var script = new StringBuilder($"(cd {BashQuoting.Quote(Workdir)} || exit 1\nmkdir -p {BashQuoting.Quote(stagingFolder)}");
        for (int i = 0; i < files.Count; i++)
        {
            string blob = BashQuoting.Quote($"{commit}:{files[i]}");
            string target = BashQuoting.Quote($"{stagingFolder}/{i.ToString(CultureInfo.InvariantCulture)}");
            script.Append($"\nif git cat-file -e {blob} 2>/dev/null; then git cat-file blob {blob} > {target} && echo 1; else echo 0; fi");
        }

        var result = await session.ExecAsync(script.Append("\n)").ToString(), GitLimit, cancellationToken);
        var found = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim() == "1").ToList();
        if (result.ExitCode != 0 || found.Count != files.Count)
            throw new SandboxException($"reading {files.Count} file(s) at {commit} in the container failed (exit {result.ExitCode}): {result.Output.Trim()}");
        return found;
    }
}
