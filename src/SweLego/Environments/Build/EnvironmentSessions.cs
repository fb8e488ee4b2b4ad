using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Sandboxes.Docker;
using SweLego.Sandboxes.Shell;

namespace SweLego.Environments.Build;

/// <summary>
/// A sandbox session on a built environment, activated: a container of the environment's image
/// (the repository is inside it), or bwrap with the host checkout mounted at the workdir, the venv
/// read-only and the checkout's <c>.git</c> read-only (the host runs git there between runs: a test
/// suite that wrote .git/config or hooks would run commands on the host).
/// </summary>
public static class EnvironmentSessions
{
    // Bytecode written by one run could be reused by the next after a same-size edit in the same
    // second (pyc staleness is checked by mtime and size): never write it.
    private static readonly IReadOnlyDictionary<string, string> Variables = new Dictionary<string, string> { ["PYTHONDONTWRITEBYTECODE"] = "1" };

    /// <param name="image">The environment's image (docker); null for a bwrap session on <paramref name="hostCheckout"/>.</param>
    public static async Task<ISandboxSession> StartAsync(
        string? image, string venv, string workdir, string? hostCheckout, DockerBackendOptions? docker, CancellationToken cancellationToken)
    {
        var spec = image is not null
            ? new SandboxSpec { Image = image, Workdir = workdir, Environment = Variables }
            : new SandboxSpec
            {
                HostWorkspace = hostCheckout ?? throw new ArgumentNullException(nameof(hostCheckout), "a bwrap session needs the host checkout"),
                Workdir = workdir,
                Mounts =
                [
                    new SandboxMount(venv, ReadOnly: true),
                    new SandboxMount(Path.Combine(hostCheckout, ".git"), workdir.TrimEnd('/') + "/.git", ReadOnly: true),
                ],
                Environment = Variables,
            };
        ISandboxBackend backend = image is not null ? new DockerBackend(docker ?? new DockerBackendOptions()) : new BwrapBackend();
        var session = await backend.StartAsync(spec, cancellationToken);
        try
        {
            var activated = await session.ExecAsync($". {ShellScripts.Quote(venv + "/bin/activate")}", null, cancellationToken);
            if (activated.ExitCode != 0) throw new SandboxException($"activating the environment failed: {activated.Output.Trim()}");
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}
