using SweLego.Sandboxes.Docker.Engine;
using SweLego.Sandboxes.Shell;

namespace SweLego.Sandboxes.Docker;

/// <summary>A running container sandbox: the shell protocol plus files through the archive endpoints.</summary>
internal sealed class DockerSession(DockerEngineClient client, string containerId, string? volume, string workdir) : ISandboxSession
{
    private PersistentShell? _shell;
    private Timer? _wallClock;
    private int _killed;
    private int _disposed;

    public string Backend => "docker";

    public string Workdir => workdir;

    /// <summary>The container's id (for diagnostics and tests).</summary>
    public string ContainerId => containerId;

    private PersistentShell Shell => _shell ?? throw new InvalidOperationException("The session has not started.");

    public void Attach(PersistentShell shell, TimeSpan wallTime)
    {
        _shell = shell;
        _wallClock = new Timer(_ => _ = KillAsync().AsTask(), null, wallTime, Timeout.InfiniteTimeSpan);
    }

    public Task<ExecResult> ExecAsync(string command, ExecOptions? options = null, CancellationToken cancellationToken = default) =>
        Shell.ExecAsync(command, options, cancellationToken);

    public Task SendInputAsync(string text, CancellationToken cancellationToken = default) => Shell.SendInputAsync(text, cancellationToken);

    public Task InterruptAsync(CancellationToken cancellationToken = default) => Shell.InterruptAsync(cancellationToken);

    public async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var tar = await Archive(path, cancellationToken);
        return await TarArchives.ReadSingleFileAsync(tar, path, cancellationToken);
    }

    public async Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await using var tar = TarArchives.FromFile(RelativeToWorkdir(path), content);
        await Put(tar, cancellationToken);
    }

    public async Task CopyInAsync(string hostDirectory, string sandboxDirectory, CancellationToken cancellationToken = default)
    {
        await using var tar = TarArchives.FromDirectory(hostDirectory, RelativeToWorkdir(sandboxDirectory));
        await Put(tar, cancellationToken);
    }

    public async Task CopyOutAsync(string sandboxDirectory, string hostDirectory, CancellationToken cancellationToken = default)
    {
        await using var tar = await Archive(sandboxDirectory, cancellationToken);
        await TarArchives.ExtractDirectoryAsync(tar, hostDirectory, cancellationToken);
    }

    /// <summary>Removes the container (and so every process); the shell then reports the session ended.</summary>
    public async ValueTask KillAsync()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 1) return;
        await DockerBackend.CleanupAsync(client, containerId, volume);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (_wallClock is not null) await _wallClock.DisposeAsync();
        await KillAsync();
        if (_shell is not null) await _shell.DisposeAsync();
        client.Dispose();
    }

    private async Task<Stream> Archive(string path, CancellationToken cancellationToken)
    {
        if (!path.StartsWith('/')) throw new SandboxException($"'{path}' must be an absolute path inside the sandbox.");
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
            await client.PutArchiveAsync(containerId, workdir, tar, cancellationToken);
        }
        catch (DockerEngineException e)
        {
            throw new SandboxException($"Writing into the sandbox failed: {e.Message}", e);
        }
    }

    private string RelativeToWorkdir(string sandboxPath)
    {
        if (!sandboxPath.StartsWith('/')) throw new SandboxException($"'{sandboxPath}' must be an absolute path inside the sandbox.");
        string full = Path.GetFullPath(sandboxPath).TrimEnd('/');
        string root = workdir.TrimEnd('/');
        if (full == root) return "";
        if (!full.StartsWith(root + "/", StringComparison.Ordinal))
            throw new SandboxException($"'{sandboxPath}' is outside the workspace {workdir}; only the workspace is writable.");
        return full[(root.Length + 1)..];
    }
}
