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
        return await TarArchives.ReadSingleFileAsync(tar, cancellationToken)
            ?? throw new SandboxFileException(SandboxFileProblem.NotAFile, path);
    }

    public override async Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await CheckFilePathAsync(path, cancellationToken);
        await using var tar = TarArchives.FromFile(RelativeToWorkdir(path), content);
        await PutAsync(tar, path, cancellationToken);
    }

    public override async Task CopyInAsync(string hostDirectory, string sandboxDirectory, CancellationToken cancellationToken = default)
    {
        await using var tar = TarArchives.FromDirectory(hostDirectory, RelativeToWorkdir(sandboxDirectory));
        await PutAsync(tar, sandboxDirectory, cancellationToken);
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
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e) && DockerErrors.DaemonMessage(e).Contains("No such container", StringComparison.OrdinalIgnoreCase))
        {
            throw new SandboxException($"Cannot read '{path}': the sandbox has ended ({DockerErrors.DaemonMessage(e)}).", e);
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
            throw new SandboxFileException(SandboxFileProblem.NotFound, path, null, e);
        }
        catch (DockerApiException e) when (FileProblem(e) is { } problem)
        {
            throw new SandboxFileException(problem, path, null, e);
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
        {
            throw DockerErrors.Translate(e, Endpoint, $"read '{path}' from the sandbox");
        }
    }

    private async Task PutAsync(Stream tar, string path, CancellationToken cancellationToken)
    {
        try
        {
            await client.Containers.ExtractArchiveToContainerAsync(containerId, new CopyToContainerParameters { Path = Workdir }, tar, cancellationToken);
        }
        catch (DockerApiException e) when (FileProblem(e) is { } problem)
        {
            throw new SandboxFileException(problem, path, Workdir, e);
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
        {
            throw DockerErrors.Translate(e, Endpoint, "write into the sandbox");
        }
    }

    private string RelativeToWorkdir(string sandboxPath) =>
        SandboxPath.RelativeTo(Workdir, sandboxPath)
        ?? throw new SandboxFileException(SandboxFileProblem.OutsideWorkspace, sandboxPath, Workdir);

    // Docker's extraction replaces whatever is in the way (a folder by the file, a file by a folder) and follows
    // links: refuse those first, as the bwrap backend does, so the error contract holds on both.
    private async Task CheckFilePathAsync(string path, CancellationToken cancellationToken)
    {
        string workdir = Workdir.TrimEnd('/');
        string[] parts = RelativeToWorkdir(path).Split('/', StringSplitOptions.RemoveEmptyEntries);
        string current = workdir;
        for (int i = 0; i < parts.Length; i++)
        {
            current += "/" + parts[i];
            ContainerPathStatResponse stat;
            try
            {
                stat = (await client.Containers.GetArchiveFromContainerAsync(containerId, new ContainerPathStatParameters { Path = current }, statOnly: true, cancellationToken)).Stat;
            }
            catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
            {
                return;
            }
            catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
            {
                throw DockerErrors.Translate(e, Endpoint, $"look at '{current}' in the sandbox");
            }

            bool last = i == parts.Length - 1;
            if (!string.IsNullOrEmpty(stat.LinkTarget))
            {
                if (last) return; // the link itself is replaced
                string target = SandboxPath.Normalize(stat.LinkTarget.StartsWith('/') ? stat.LinkTarget : current[..current.LastIndexOf('/')] + "/" + stat.LinkTarget);
                if (SandboxPath.RelativeTo(workdir, target) is null) throw new SandboxFileException(SandboxFileProblem.OutsideWorkspace, path, Workdir);
                return;
            }

            bool folder = (stat.Mode & ModeDir) != 0;
            if (folder == last) throw new SandboxFileException(SandboxFileProblem.NotAFile, path);
        }
    }

    // Go's os.ModeDir, as the daemon reports modes.
    private const uint ModeDir = 1u << 31;

    // The daemon's words for the file errors of the contract (its status codes do not tell them apart).
    private static SandboxFileProblem? FileProblem(DockerApiException e)
    {
        string message = DockerErrors.DaemonMessage(e);
        if (message.Contains("not a directory", StringComparison.OrdinalIgnoreCase) || message.Contains("is a directory", StringComparison.OrdinalIgnoreCase)
            || message.Contains("cannot overwrite", StringComparison.OrdinalIgnoreCase)) return SandboxFileProblem.NotAFile;
        if (message.Contains("permission denied", StringComparison.OrdinalIgnoreCase) || message.Contains("read-only", StringComparison.OrdinalIgnoreCase))
            return SandboxFileProblem.PermissionDenied;
        return null;
    }
}
