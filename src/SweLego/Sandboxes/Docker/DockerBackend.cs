using SweLego.Sandboxes.Docker.Engine;
using SweLego.Sandboxes.Shell;

namespace SweLego.Sandboxes.Docker;

/// <summary>
/// Sandboxes in Docker containers through the Engine API (no Docker CLI): network <c>none</c>,
/// read-only root file system, a private /tmp, memory and pids limits, no new privileges.
/// The workspace is a bind-mounted host directory or, for an image, a named volume that
/// Docker fills with the image's working directory, so it is the only writable place.
/// The shell and its supervisor are two attached exec streams.
/// </summary>
public sealed class DockerBackend(DockerBackendOptions? options = null) : ISandboxBackend
{
    // Keeps the container alive without forking; Docker's init (PID 1) reaps the orphans a
    // killed fork bomb leaves behind, which would otherwise hold the pids limit.
    private const string Keeper =
        "trap 'exit 0' TERM; if mkfifo /tmp/.swelego-keep 2>/dev/null && exec 3<>/tmp/.swelego-keep; then rm -f /tmp/.swelego-keep; " +
        "while :; do read -r -t 86400 -u 3 _; done; else while :; do sleep 86400 & wait $!; done; fi";

    private readonly DockerBackendOptions _options = options ?? new DockerBackendOptions();

    public string Name => "docker";

    public async Task<ISandboxSession> StartAsync(SandboxSpec spec, CancellationToken cancellationToken = default)
    {
        spec.Validate();
        var client = new DockerEngineClient(new DockerEngineOptions { Endpoint = _options.Endpoint });
        string image = spec.Image ?? _options.DefaultImage;
        string nonce = PersistentShell.NewNonce();
        string? containerId = null;
        string? volume = null;
        try
        {
            if (!await client.ImageExistsAsync(image, cancellationToken))
                throw new SandboxException($"Docker image '{image}' is not present on {client.Endpoint}; build the base image with .ci/build-base-image.sh or load the image first.");

            string workdir = spec.Workdir
                ?? spec.HostWorkspace
                ?? NonEmpty((await client.InspectImageAsync(image, cancellationToken)).WorkingDir)
                ?? "/workspace";
            volume = spec.HostWorkspace is null ? $"swelego-{nonce}" : null;
            var env = SandboxEnvironment.Defaults("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .Concat(spec.Environment)
                .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            containerId = await client.CreateContainerAsync(new ContainerSpec(image)
            {
                Cmd = ["/bin/bash", "--noprofile", "--norc", "-c", Keeper],
                Entrypoint = [],
                Env = env,
                WorkingDir = workdir,
                Labels = new Dictionary<string, string> { ["swelego.session"] = nonce },
                MemoryBytes = spec.Limits.MemoryBytes,
                PidsLimit = spec.Limits.MaxProcesses,
                NetworkMode = "none",
                Init = true,
                ReadonlyRootfs = true,
                Tmpfs = new Dictionary<string, string> { ["/tmp"] = $"rw,exec,nosuid,size={_options.TmpSize}" },
                Binds = (spec.HostWorkspace is { } host ? [new SandboxMount(host, workdir)] : Enumerable.Empty<SandboxMount>())
                    .Concat(spec.Mounts.Where(m => !m.ReadOnly))
                    .ToDictionary(m => Path.GetFullPath(m.HostPath), m => m.Target),
                ReadOnlyBinds = spec.Mounts.Where(m => m.ReadOnly).ToDictionary(m => Path.GetFullPath(m.HostPath), m => m.Target),
                Volumes = volume is not null ? new Dictionary<string, string> { [volume] = workdir } : null,
            }, cancellationToken);
            await client.StartContainerAsync(containerId, cancellationToken);

            var shellStream = await StartExecAsync(client, containerId, ["/bin/bash", "--noprofile", "--norc"], workdir, cancellationToken);
            var supervisorStream = await StartExecAsync(
                client, containerId, ["/bin/bash", "--noprofile", "--norc", "-c", ShellScripts.Supervisor(nonce, spec.Limits.MaxProcesses)], "/", cancellationToken);
            var session = new DockerSession(client, containerId, volume, workdir);
            var shell = await PersistentShell.StartAsync(
                new ExecChannel(shellStream), new ExecChannel(supervisorStream), session.KillAsync, nonce, workdir, "auto", spec.Limits,
                cancellationToken);
            session.Attach(shell, spec.Limits, spec.HostWorkspace is { } workspace ? [Path.GetFullPath(workspace)] : []);
            return session;
        }
        catch (DockerEngineException e)
        {
            await CleanupAsync(client, containerId, volume);
            client.Dispose();
            throw new SandboxException($"Docker sandbox failed to start: {e.Message}", e);
        }
        catch
        {
            await CleanupAsync(client, containerId, volume);
            client.Dispose();
            throw;
        }
    }

    internal static async Task CleanupAsync(DockerEngineClient client, string? containerId, string? volume)
    {
        try
        {
            if (containerId is not null) await client.RemoveContainerAsync(containerId, force: true, removeVolumes: true, CancellationToken.None);
            if (volume is not null) await client.RemoveVolumeAsync(volume, force: true, CancellationToken.None);
        }
        catch (DockerEngineException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    private static async Task<ExecStream> StartExecAsync(DockerEngineClient client, string containerId, string[] cmd, string workdir, CancellationToken cancellationToken)
    {
        string exec = await client.CreateExecAsync(containerId, cmd, env: null, workingDir: workdir, attachStdin: true, cancellationToken);
        return await client.StartExecAttachedAsync(exec, cancellationToken);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
