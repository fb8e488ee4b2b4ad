using System.Text;
using SweLego.Environments.Build;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Sandboxes.Shell;
using SweLego.Tasks.Git;

namespace SweLego.Tasks;

/// <summary>
/// One unit of parallelism: a host checkout that borrows the mirror's objects (read for
/// environment inference; with bwrap also the sandbox's workspace, mounted at the environment's
/// workdir) and a sandbox session kept across candidates that share an environment. With
/// docker the container's own /testbed repository is checked out and patched inside it, as the
/// SWE-bench harness does.
/// </summary>
internal sealed class ValidationSlot(string checkout, string mirror, string backend, DockerBackendOptions docker) : IAsyncDisposable
{
    private const string ExcludeFromClean = "*.egg-info";
    private ISandboxSession? _session;
    private string? _sessionEnvironment;

    // The commit the host checkout is at with nothing changed since (no patch, no test run): preparing it again is free.
    private string? _pristineAt;

    public string Checkout { get; } = checkout;

    private bool InContainer => backend == SandboxBackends.Docker;

    /// <summary>Puts the host checkout at <paramref name="commit"/> with no leftovers from the previous candidate.</summary>
    public async Task CheckoutAsync(string commit, CancellationToken cancellationToken)
    {
        await CloneAsync(cancellationToken);
        var git = new GitCommand(Checkout);
        await git.RunAsync(["checkout", "--quiet", "--force", "--detach", commit], cancellationToken);
        await git.RunAsync(["clean", "--quiet", "-ffdx", "-e", ExcludeFromClean], cancellationToken);
        _pristineAt = commit;
    }

    /// <summary>
    /// The patch that turns <paramref name="file"/> at <paramref name="commit"/> into <paramref name="content"/>,
    /// and its reverse, computed in the host checkout (left as it was).
    /// </summary>
    public async Task<(string Forward, string Reverse)> DiffAsync(string commit, string file, byte[] content, CancellationToken cancellationToken)
    {
        if (_pristineAt != commit) await CheckoutAsync(commit, cancellationToken);
        string path = Path.Combine(Checkout, file);
        byte[] original = await File.ReadAllBytesAsync(path, cancellationToken);
        await File.WriteAllBytesAsync(path, content, cancellationToken);
        try
        {
            var git = new GitCommand(Checkout);
            string[] diff = ["diff", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/"];
            string forward = await git.RunAsync([.. diff, "--", ":(literal)" + file], cancellationToken);
            string reverse = await git.RunAsync([.. diff, "-R", "--", ":(literal)" + file], cancellationToken);
            return (forward, reverse);
        }
        finally
        {
            await File.WriteAllBytesAsync(path, original, CancellationToken.None);
        }
    }

    private async Task CloneAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(Path.Combine(Checkout, ".git"))) return;
        if (Directory.Exists(Checkout)) Directory.Delete(Checkout, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(Checkout)!);
        await new GitCommand(Path.GetDirectoryName(Checkout)!).RunAsync(["clone", "--quiet", "--shared", "--no-checkout", mirror, Checkout], cancellationToken);
    }

    /// <summary>
    /// The tree the tests run on: <paramref name="commit"/> with <paramref name="patches"/> applied
    /// in order (empty ones skipped: a synthetic task has no test patch). Returns null, or why a patch does not apply.
    /// </summary>
    public async Task<string?> PrepareAsync(ISandboxSession session, string commit, IReadOnlyList<string> patches, CancellationToken cancellationToken)
    {
        patches = [.. patches.Where(p => p.Length > 0)];
        if (!InContainer)
        {
            if (_pristineAt != commit) await CheckoutAsync(commit, cancellationToken);
            _pristineAt = null;
            var git = new GitCommand(Checkout);
            for (int i = 0; i < patches.Count; i++)
            {
                var applied = await git.TryRunAsync(["apply", "--whitespace=nowarn", "-"], patches[i], cancellationToken);
                if (!applied.Succeeded) return $"patch {i + 1} of {patches.Count}: {GitException.OneLine(applied.StandardError)}";
            }

            return null;
        }

        var script = new StringBuilder(
            $"git -c advice.detachedHead=false -c core.hooksPath=/dev/null checkout -q -f --detach {commit} && git clean -q -ffdx -e '{ExcludeFromClean}'");
        for (int i = 0; i < patches.Count; i++)
        {
            string file = $"{session.Workdir}/.git/swelego-{i}.patch";
            await session.WriteFileAsync(file, Encoding.UTF8.GetBytes(patches[i]), cancellationToken);
            script.Append($" && git apply --whitespace=nowarn {ShellScripts.Quote(file)}");
        }

        var result = await session.ExecAsync(script.ToString(), new ExecOptions { Timeout = TimeSpan.FromMinutes(5) }, cancellationToken);
        return result.ExitCode == 0 ? null : $"exit {result.ExitCode}: {result.Output.Trim()}";
    }

    /// <summary>The slot's session for <paramref name="environment"/>, started on first use or when the environment changes.</summary>
    public async Task<ISandboxSession> SessionAsync(TaskEnvironment environment, CancellationToken cancellationToken)
    {
        if (_session is not null && _sessionEnvironment == environment.Id) return _session;
        await ResetAsync();
        if (!InContainer) await CloneAsync(cancellationToken);
        var session = await EnvironmentSessions.StartAsync(
            InContainer ? environment.Image : null, environment.VenvDirectory, environment.Workdir, Checkout, docker, cancellationToken);
        (_session, _sessionEnvironment) = (session, environment.Id);
        return session;
    }

    /// <summary>Ends the session (after a timeout or a crash it may be unusable); the next candidate starts a new one.</summary>
    public async Task ResetAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
        (_session, _sessionEnvironment) = (null, null);
    }

    public async ValueTask DisposeAsync() => await ResetAsync();
}
