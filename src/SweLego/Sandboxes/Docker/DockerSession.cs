using SweLego.Sandboxes.Docker.Engine;
using SweLego.Sandboxes.Shell;

namespace SweLego.Sandboxes.Docker;

/// <summary>A running container sandbox: the shell protocol plus files through the archive endpoints.</summary>
internal sealed class DockerSession(DockerEngineClient client, string containerId, string? volume, string workdir)
    : ShellSession("docker", workdir)
{
    private int _killed;

    /// <summary>The container's id (for diagnostics and tests).</summary>
    public string ContainerId => containerId;

    public override async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var tar = await Archive(path, cancellationToken);
        return await TarArchives.ReadSingleFileAsync(tar, path, cancellationToken);
    }

    public override async Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await using var tar = TarArchives.FromFile(RelativeToWorkdir(path), content);
        await Put(tar, cancellationToken);
    }

    public override async Task CopyInAsync(string hostDirectory, string sandboxDirectory, CancellationToken cancellationToken = default)
    {
        await using var tar = TarArchives.FromDirectory(hostDirectory, RelativeToWorkdir(sandboxDirectory));
        await Put(tar, cancellationToken);
    }

    public override async Task CopyOutAsync(string sandboxDirectory, string hostDirectory, CancellationToken cancellationToken = default)
    {
        await using var tar = await Archive(sandboxDirectory, cancellationToken);
        await TarArchives.ExtractDirectoryAsync(tar, hostDirectory, cancellationToken);
    }

    /// <summary>Removes the container, and so every process.</summary>
    public override async ValueTask KillAsync()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 1) return;
        await DockerBackend.CleanupAsync(client, containerId, volume);
    }

    protected override ValueTask ReleaseAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<Stream> Archive(string path, CancellationToken cancellationToken)
    {
        path = SandboxPath.Normalize(path);
        try
        {
            return await client.GetArchiveAsync(containerId, path, cancellationToken);
        }
        catch (DockerEngineException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new SandboxException($"'{path}' does not exist in the sandbox.", e);
        }
    }

    private async Task Put(Stream tar, CancellationToken cancellationToken)
    {
        try
        {
            await client.PutArchiveAsync(containerId, Workdir, tar, cancellationToken);
        }
        catch (DockerEngineException e)
        {
            throw new SandboxException($"Writing into the sandbox failed: {e.Message}", e);
        }
    }

    private string RelativeToWorkdir(string sandboxPath) =>
        SandboxPath.RelativeTo(Workdir, sandboxPath)
        ?? throw new SandboxException($"'{sandboxPath}' is outside the workspace {Workdir}; only the workspace is writable.");
}
