namespace SweLego.Sandboxes;

/// <summary>
/// One sandboxed workspace with ONE persistent bash: the working directory and exported
/// variables survive between <see cref="ExecAsync"/> calls, as an agent expects. Disposing
/// the session kills every process it started.
/// </summary>
public interface ISandboxSession : IAsyncDisposable
{
    /// <summary>Backend that runs this session (<c>bwrap</c>, <c>docker</c>).</summary>
    string Backend { get; }

    /// <summary>The workspace directory as seen inside the sandbox (the shell starts here).</summary>
    string Workdir { get; }

    /// <summary>
    /// Runs <paramref name="command"/> in the persistent shell. Expected failures (non-zero
    /// exit, timeout, limits hit, the shell ending) are reported in the result, not thrown.
    /// Throws <see cref="InvalidOperationException"/> while an earlier command still runs
    /// (a result with <see cref="ExecResult.StillRunning"/>, not yet collected by <see cref="ContinueAsync"/>).
    /// Cancelling stops the command and throws.
    /// </summary>
    Task<ExecResult> ExecAsync(string command, ExecOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps waiting for the command whose last call returned while it was still running:
    /// returns what it printed since then, under the same return rules (<paramref name="options"/>'
    /// return times), or its final result when it ends. Every limit keeps applying between
    /// calls. Throws <see cref="InvalidOperationException"/> when no command is waiting.
    /// </summary>
    Task<ExecResult> ContinueAsync(ExecOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends text to the standard input of the command that is running (like typing into a terminal).</summary>
    Task SendInputAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Ctrl-C: sends SIGINT to the processes of the running command.</summary>
    Task InterruptAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a file inside the sandbox (absolute sandbox path).</summary>
    Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Writes a file inside the workspace (absolute sandbox path), creating parent folders.</summary>
    Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Copies the contents of a host directory into a sandbox directory (created if missing).</summary>
    Task CopyInAsync(string hostDirectory, string sandboxDirectory, CancellationToken cancellationToken = default);

    /// <summary>Copies the contents of a sandbox directory into a host directory (created if missing).</summary>
    Task CopyOutAsync(string sandboxDirectory, string hostDirectory, CancellationToken cancellationToken = default);
}
