using Docker.DotNet;
using Docker.DotNet.Models;
using SweLego.Sandboxes.Security;
using SweLego.Sandboxes.Shell;

namespace SweLego.Sandboxes.Docker;

/// <summary>
/// Sandboxes in Docker containers through the Engine API (no Docker CLI): network <c>none</c>,
/// every capability dropped, no new privileges, the seccomp policy of <see cref="SeccompPolicy"/>,
/// a read-only root file system, size-limited /tmp and /dev/shm, memory and pids limits. The
/// workspace is a bind-mounted host directory or, for an image, an anonymous volume that Docker
/// fills with the image's working directory, so it is the only writable place besides /tmp.
/// The container lives only as long as its owner: its keeper reads the stdin the session holds
/// attached, and ends (the container removing itself) when that connection closes.
/// The shell and its supervisor are two attached exec streams.
/// </summary>
public sealed class DockerBackend(DockerBackendOptions? options = null) : ISandboxBackend
{
    /// <summary>Label with the session's nonce, on the container and its volume.</summary>
    public const string SessionLabel = "swelego.session";

    /// <summary>Label with <see cref="SandboxOwner.Current"/>, on the container and its volume (see <see cref="DockerLeftovers"/>).</summary>
    public const string OwnerLabel = "swelego.owner";

    // PID 1 is docker-init, which reaps the orphans a killed fork bomb leaves behind (they would
    // hold the pids limit). Its child, this keeper, forks nothing and reads stdin until EOF: the
    // session attaches to stdin before the start and holds the connection; when the owner
    // process dies, however it dies, the kernel closes it, stdin (StdinOnce) ends, the keeper and
    // so the container exit, and AutoRemove deletes the container with its anonymous volume.
    private const string Keeper = "while read -r _; do :; done";

    private static readonly Lazy<string> Seccomp = new(SeccompPolicy.DockerProfileJson);

    private readonly DockerBackendOptions _options = options ?? new DockerBackendOptions();

    public string Name => "docker";

    public async Task<ISandboxSession> StartAsync(SandboxSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // Before Validate: a socket is no directory, and the refusal must say why it matters.
        HostMountGuard.Check(spec);
        spec.Validate();
        var endpoint = DockerEndpoint.Resolve(_options.Endpoint);
        // Before the first session: what dead owners left behind goes (once per process and daemon).
        await DockerLeftovers.ReapOnceAsync(_options with { Endpoint = endpoint.ToString() }, cancellationToken);

        var client = DockerEndpoint.CreateClient(endpoint);
        string image = spec.Image ?? _options.DefaultImage;
        string nonce = PersistentShell.NewNonce();
        string? containerId = null;
        MultiplexedStream? keeper = null;
        try
        {
            var inspected = await InspectImageAsync(client, image, endpoint, cancellationToken);
            string workdir = spec.Workdir ?? spec.HostWorkspace ?? NonEmpty(inspected.Config?.WorkingDir) ?? "/workspace";
            var labels = new Dictionary<string, string> { [SessionLabel] = nonce, [OwnerLabel] = SandboxOwner.Current.ToString() };
            containerId = (await client.Containers.CreateContainerAsync(Container(spec, image, workdir, labels), cancellationToken)).ID;
            keeper = await client.Containers.AttachContainerAsync(containerId, new ContainerAttachParameters { Stream = true, Stdin = true }, cancellationToken);
            await client.Containers.StartContainerAsync(containerId, null, cancellationToken);

            var shellStream = await StartExecAsync(client, containerId, ["/bin/bash", "--noprofile", "--norc"], workdir, cancellationToken);
            var supervisorStream = await StartExecAsync(
                client, containerId, ["/bin/bash", "--noprofile", "--norc", "-c", ShellScripts.Supervisor(nonce, spec.Limits.MaxProcesses)], "/", cancellationToken);
            var session = new DockerSession(client, containerId, keeper, workdir);
            var shell = await PersistentShell.StartAsync(
                new ExecChannel(shellStream), new ExecChannel(supervisorStream), session.KillAsync, nonce, workdir, "auto", spec.Limits,
                cancellationToken);
            session.Attach(shell, spec.Limits, spec.HostWorkspace is { } workspace ? [Path.GetFullPath(workspace)] : []);
            return session;
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
        {
            await RemoveAsync(client, containerId, keeper);
            client.Dispose();
            throw DockerErrors.Translate(e, endpoint, $"start a sandbox container from {image}");
        }
        catch
        {
            await RemoveAsync(client, containerId, keeper);
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Force-removes the container with its volumes and closes the keeper's stdin. Never throws for
    /// daemon failures: already gone (404) or being auto-removed (409) is the goal, and when the
    /// daemon cannot be told, the closed stdin ends the container all the same.
    /// </summary>
    internal static async Task RemoveAsync(DockerClient client, string? containerId, MultiplexedStream? keeper)
    {
        try
        {
            if (containerId is not null)
                await client.Containers.RemoveContainerAsync(containerId, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
        {
            // See above.
        }
        finally
        {
            keeper?.Dispose();
        }
    }

    private static CreateContainerParameters Container(SandboxSpec spec, string image, string workdir, Dictionary<string, string> labels)
    {
        var env = SandboxEnvironment.Defaults("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
            .Concat(spec.Environment)
            .GroupBy(kv => kv.Key).Select(g => $"{g.Key}={g.Last().Value}").ToList();
        var mounts = new List<Mount>();
        // Type "bind" (unlike Binds) fails when the host directory is missing instead of creating it.
        if (spec.HostWorkspace is { } host) mounts.Add(Bind(host, workdir, readOnly: false));
        else mounts.Add(new Mount { Type = "volume", Target = workdir, VolumeOptions = new VolumeOptions { NoCopy = false, Labels = labels } });
        mounts.AddRange(spec.Mounts.Select(m => Bind(m.HostPath, m.Target, m.ReadOnly)));
        var limits = spec.Limits;
        return new CreateContainerParameters
        {
            Image = image,
            Cmd = ["/bin/bash", "--noprofile", "--norc", "-c", Keeper],
            Entrypoint = [],
            Env = env,
            WorkingDir = workdir,
            Labels = labels,
            AttachStdin = true,
            OpenStdin = true,
            StdinOnce = true,
            // The user stays the image's root, but a root without a single capability: the host
            // workspaces bind-mounted here are root-owned, and root-in-container with CapDrop ALL,
            // no-new-privileges and seccomp cannot raise itself, change owners or set setuid bits.
            HostConfig = new HostConfig
            {
                NetworkMode = "none",
                AutoRemove = true,
                Init = true,
                ReadonlyRootfs = true,
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges", "seccomp=" + Seccomp.Value],
                Memory = limits.MemoryBytes,
                MemorySwap = limits.MemoryBytes,
                PidsLimit = limits.MaxProcesses,
                // Executables in /tmp are allowed (build tools run them); device files and setuid bits are not.
                Tmpfs = new Dictionary<string, string> { ["/tmp"] = $"rw,exec,nosuid,nodev,mode=1777,size={limits.TmpBytes}" },
                ShmSize = limits.ShmBytes,
                Mounts = mounts,
            },
        };
    }

    private static Mount Bind(string hostPath, string target, bool readOnly) =>
        new() { Type = "bind", Source = Path.GetFullPath(hostPath), Target = target, ReadOnly = readOnly };

    private static async Task<ImageInspectResponse> InspectImageAsync(DockerClient client, string image, Uri endpoint, CancellationToken cancellationToken)
    {
        try
        {
            return await client.Images.InspectImageAsync(image, cancellationToken);
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
            throw new SandboxException($"Docker image '{image}' is not present on {endpoint}; {DockerErrors.ImageHint}.", e);
        }
    }

    private static async Task<MultiplexedStream> StartExecAsync(
        DockerClient client, string containerId, string[] cmd, string workdir, CancellationToken cancellationToken)
    {
        var exec = await client.Exec.CreateContainerExecAsync(
            containerId,
            new ContainerExecCreateParameters { AttachStdin = true, AttachStdout = true, AttachStderr = true, Cmd = cmd, WorkingDir = workdir },
            cancellationToken);
        return await client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), cancellationToken);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
