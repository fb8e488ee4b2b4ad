using System.Diagnostics;
using SweLego.Sandboxes.Shell;

namespace SweLego.Sandboxes.Bwrap;

/// <summary>A running bwrap sandbox: the shell protocol plus host-side file access to the workspace.</summary>
internal sealed class BwrapSession(Process process, SessionCgroup cgroup, string scratch, WorkspacePaths paths, string workdir) : ISandboxSession
{
    private PersistentShell? _shell;
    private Timer? _wallClock;
    private int _disposed;

    public string Backend => "bwrap";

    public string Workdir => workdir;

    private PersistentShell Shell => _shell ?? throw new InvalidOperationException("The session has not started.");

    public void Attach(PersistentShell shell, TimeSpan wallTime)
    {
        _shell = shell;
        _wallClock = new Timer(_ => Kill(), null, wallTime, Timeout.InfiniteTimeSpan);
    }

    public Task<ExecResult> ExecAsync(string command, ExecOptions? options = null, CancellationToken cancellationToken = default) =>
        Shell.ExecAsync(command, options, cancellationToken);

    public Task SendInputAsync(string text, CancellationToken cancellationToken = default) => Shell.SendInputAsync(text, cancellationToken);

    public Task InterruptAsync(CancellationToken cancellationToken = default) => Shell.InterruptAsync(cancellationToken);

    public Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken = default) =>
        File.ReadAllBytesAsync(paths.ForRead(path), cancellationToken);

    public async Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        string host = paths.ForWrite(path);
        Directory.CreateDirectory(Path.GetDirectoryName(host)!);
        await using var stream = new FileStream(host, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
        await stream.WriteAsync(content, cancellationToken);
    }

    public Task CopyInAsync(string hostDirectory, string sandboxDirectory, CancellationToken cancellationToken = default) =>
        Task.Run(() => HostDirectoryCopy.Copy(hostDirectory, paths.ForWrite(sandboxDirectory), cancellationToken), cancellationToken);

    public Task CopyOutAsync(string sandboxDirectory, string hostDirectory, CancellationToken cancellationToken = default) =>
        Task.Run(() => HostDirectoryCopy.Copy(paths.ForRead(sandboxDirectory), hostDirectory, cancellationToken), cancellationToken);

    /// <summary>Kills every process of the session (the shell ends; the session reports it).</summary>
    public ValueTask KillAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private void Kill()
    {
        cgroup.KillAll();
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already exited */ }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (_wallClock is not null) await _wallClock.DisposeAsync();
        await KillAsync();
        if (_shell is not null) await _shell.DisposeAsync();
        await process.WaitForExitAsync();
        process.Dispose();
        cgroup.Dispose();
        Directory.Delete(scratch, recursive: true);
    }
}
