namespace SweLego.Sandboxes.Shell;

/// <summary>
/// What every backend's session shares: the persistent shell for commands, input and
/// Ctrl-C, and the wall-clock limit. Backends add file access, killing and clean-up.
/// </summary>
internal abstract class ShellSession(string backend, string workdir) : ISandboxSession
{
    private PersistentShell? _shell;
    private DiskWatcher? _disk;
    private Timer? _wallClock;
    private int _disposed;

    public string Backend => backend;

    public string Workdir => workdir;

    private PersistentShell Shell => _shell ?? throw new InvalidOperationException("The session has not started.");

    /// <summary>
    /// Connects the started shell, arms the session's wall-clock limit and watches the disk use
    /// of <paramref name="diskPaths"/> (host directories the sandbox writes to; none: no watcher).
    /// </summary>
    public void Attach(PersistentShell shell, SandboxLimits limits, IReadOnlyList<string> diskPaths)
    {
        _shell = shell;
        if (diskPaths.Count > 0)
        {
            _disk = new DiskWatcher(diskPaths, limits.DiskBytes);
            shell.WatchDisk(_disk);
        }

        _wallClock = new Timer(_ => _ = KillAsync().AsTask(), null, limits.WallTime, Timeout.InfiniteTimeSpan);
    }

    public Task<ExecResult> ExecAsync(string command, ExecOptions? options = null, CancellationToken cancellationToken = default) =>
        Shell.ExecAsync(command, options, cancellationToken);

    public Task<ExecResult> ContinueAsync(ExecOptions? options = null, CancellationToken cancellationToken = default) =>
        Shell.ContinueAsync(options, cancellationToken);

    public Task SendInputAsync(string text, CancellationToken cancellationToken = default) => Shell.SendInputAsync(text, cancellationToken);

    public Task InterruptAsync(CancellationToken cancellationToken = default) => Shell.InterruptAsync(cancellationToken);

    public abstract Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken = default);

    public abstract Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    public abstract Task CopyInAsync(string hostDirectory, string sandboxDirectory, CancellationToken cancellationToken = default);

    public abstract Task CopyOutAsync(string sandboxDirectory, string hostDirectory, CancellationToken cancellationToken = default);

    /// <summary>Kills every process of the session; the shell then reports that the session ended.</summary>
    public abstract ValueTask KillAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (_wallClock is not null) await _wallClock.DisposeAsync();
        await KillAsync();
        if (_shell is not null) await _shell.DisposeAsync();
        _disk?.Dispose();
        await ReleaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees what the backend holds once every process is gone (folders, cgroups, clients).</summary>
    protected abstract ValueTask ReleaseAsync();
}
