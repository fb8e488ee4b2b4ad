using Docker.DotNet;
using Docker.DotNet.Models;
using SweLego.Sandboxes.Shell;

namespace SweLego.Sandboxes.Docker;

/// <summary>
/// A running container sandbox: the shell protocol plus files through the archive endpoints.
/// Holds the keeper's attached stdin: the container lives while this process does.
/// </summary>
internal sealed class DockerSession(DockerClient client, string containerId, MultiplexedStream keeper, string workdir)
    : ShellSession("docker", workdir)
{
    private int _killed;

    /// <summary>The container's id (for diagnostics and tests).</summary>
    public string ContainerId => containerId;

    private Uri Endpoint => client.Options.Endpoint;

    public override async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var tar = await ArchiveAsync(path, cancellationToken);
        return await TarArchives.ReadSingleFileAsync(tar, path, cancellationToken);
    }

    public override async Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await using var tar = TarArchives.FromFile(RelativeToWorkdir(path), content);
        await PutAsync(tar, cancellationToken);
    }

    public override async Task CopyInAsync(string hostDirectory, string sandboxDirectory, CancellationToken cancellationToken = default)
    {
        await using var tar = TarArchives.FromDirectory(hostDirectory, RelativeToWorkdir(sandboxDirectory));
        await PutAsync(tar, cancellationToken);
    }

    public override async Task CopyOutAsync(string sandboxDirectory, string hostDirectory, CancellationToken cancellationToken = default)
    {
        await using var tar = await ArchiveAsync(sandboxDirectory, cancellationToken);
        try
        {
            await TarArchives.ExtractDirectoryAsync(tar, hostDirectory, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or System.Net.Sockets.SocketException)
        {
            throw DockerErrors.Translate(e, Endpoint, $"copy {sandboxDirectory} out of the sandbox");
        }
    }

    /// <summary>Removes the container, and so every process.</summary>
    public override async ValueTask KillAsync()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 1) return;
        await DockerBackend.RemoveAsync(client, containerId, keeper);
    }

    protected override ValueTask ReleaseAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<Stream> ArchiveAsync(string path, CancellationToken cancellationToken)
    {
        path = SandboxPath.Normalize(path);
        try
        {
            var response = await client.Containers.GetArchiveFromContainerAsync(
                containerId, new ContainerPathStatParameters { Path = path }, statOnly: false, cancellationToken);
            return new ArchiveReadStream(response.Stream ?? throw new SandboxException($"The Docker daemon at {Endpoint} sent no archive of '{path}'."));
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
            // A 404 names the path, or the container when the session already ended.
            throw new SandboxException($"'{path}' does not exist in the sandbox ({DockerErrors.DaemonMessage(e)}).", e);
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
        {
            throw DockerErrors.Translate(e, Endpoint, $"read '{path}' from the sandbox");
        }
    }

    private async Task PutAsync(Stream tar, CancellationToken cancellationToken)
    {
        try
        {
            await client.Containers.ExtractArchiveToContainerAsync(containerId, new CopyToContainerParameters { Path = Workdir }, tar, cancellationToken);
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
        {
            throw DockerErrors.Translate(e, Endpoint, "write into the sandbox");
        }
    }

    private string RelativeToWorkdir(string sandboxPath) =>
        SandboxPath.RelativeTo(Workdir, sandboxPath)
        ?? throw new SandboxException($"'{sandboxPath}' is outside the workspace {Workdir}; only the workspace is writable.");
}
