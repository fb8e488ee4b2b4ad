using System.Diagnostics;
using SweLego.Sandboxes.Shell;

namespace SweLego.Sandboxes.Bwrap;

/// <summary>A running bwrap sandbox: the shell protocol plus host-side file access (<see cref="SandboxFileMap"/>).</summary>
internal sealed class BwrapSession(Process process, SessionCgroup cgroup, string scratch, SandboxFileMap paths, string workdir)
    : ShellSession("bwrap", workdir)
{
    public override async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        string host = paths.ForRead(path);
        try
        {
            return await File.ReadAllBytesAsync(host, cancellationToken);
        }
        catch (Exception e) when (SandboxFileException.FromHost(e, path, host) is { } error)
        {
            throw error;
        }
    }

    public override async Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        string host = paths.ForWrite(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(host)!);
            await using var stream = new FileStream(host, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
            await stream.WriteAsync(content, cancellationToken);
        }
        catch (Exception e) when (SandboxFileException.FromHost(e, path, host) is { } error)
        {
            throw error;
        }
    }

    public override Task CopyInAsync(string hostDirectory, string sandboxDirectory, CancellationToken cancellationToken = default) =>
        Task.Run(() => HostDirectoryCopy.Copy(hostDirectory, paths.ForWrite(sandboxDirectory), cancellationToken), cancellationToken);

    public override Task CopyOutAsync(string sandboxDirectory, string hostDirectory, CancellationToken cancellationToken = default) =>
        Task.Run(() => HostDirectoryCopy.Copy(paths.ForRead(sandboxDirectory), hostDirectory, cancellationToken), cancellationToken);

    public override ValueTask KillAsync()
    {
        cgroup.KillAll();
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already exited */ }
        return ValueTask.CompletedTask;
    }

    protected override async ValueTask ReleaseAsync()
    {
        await process.WaitForExitAsync();
        process.Dispose();
        cgroup.Dispose();
        Directory.Delete(scratch, recursive: true);
    }
}
