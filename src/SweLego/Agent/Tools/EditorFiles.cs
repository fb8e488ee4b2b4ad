using SweLego.Sandboxes;

namespace SweLego.Agent.Tools;

/// <summary>
/// The editor's file access through <see cref="ISandboxSession.ReadFileAsync"/> and
/// <see cref="ISandboxSession.WriteFileAsync"/>: what a path is, and writes whose failures come back
/// as aci words them (Python's <c>[Errno N] ...</c>). A sandbox refusing a path for a reason outside
/// the file contract (bwrap's private <c>/tmp</c> has no host side) is a call that cannot be processed.
/// </summary>
internal sealed class EditorFiles(ISandboxSession session)
{
    public string Workdir => session.Workdir;

    /// <summary>
    /// Reads <paramref name="path"/>. The sandbox says "not a file" both for a folder and for a path
    /// running through a file (<c>a.py/x</c>, which Python calls missing): the nearest ancestor that is
    /// not a folder tells them apart.
    /// </summary>
    public async Task<EditorTarget> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return new EditorTarget(EditorTargetKind.File, await ReadAsync(path, cancellationToken));
        }
        catch (SandboxFileException e) when (e.Problem == SandboxFileProblem.NotFound)
        {
            return new EditorTarget(EditorTargetKind.Missing);
        }
        catch (SandboxFileException e) when (e.Problem == SandboxFileProblem.PermissionDenied)
        {
            return new EditorTarget(EditorTargetKind.Unreadable);
        }
        catch (SandboxFileException e) when (e.Problem == SandboxFileProblem.NotAFile)
        {
            return new EditorTarget(await RunsThroughFileAsync(path, cancellationToken) ? EditorTargetKind.Missing : EditorTargetKind.Directory);
        }
    }

    public async Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            await session.WriteFileAsync(path, content, cancellationToken);
        }
        catch (SandboxFileException e)
        {
            throw EditorError.Write(path, Reason(e.Problem, path));
        }
        catch (SandboxException e)
        {
            throw new ToolCallException(e.Message);
        }
    }

    /// <summary>Python's error text for a failed open of <paramref name="path"/>.</summary>
    public string Reason(SandboxFileProblem problem, string path) => problem switch
    {
        SandboxFileProblem.NotFound => $"[Errno 2] No such file or directory: '{path}'",
        SandboxFileProblem.NotAFile => $"[Errno 20] Not a directory: '{path}'",
        SandboxFileProblem.OutsideWorkspace => $"[Errno 13] Permission denied: '{path}' (this editor writes only inside {session.Workdir})",
        _ => $"[Errno 13] Permission denied: '{path}'",
    };

    private async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await session.ReadFileAsync(path, cancellationToken);
        }
        catch (SandboxException e) when (e is not SandboxFileException)
        {
            throw new ToolCallException(e.Message);
        }
    }

    // A private folder on the way up (bwrap's /tmp, which may hold the workspace) is a folder too.
    private async Task<bool> RunsThroughFileAsync(string path, CancellationToken cancellationToken)
    {
        for (string parent = EditorPath.Parent(path); parent != "/"; parent = EditorPath.Parent(parent))
        {
            try
            {
                await session.ReadFileAsync(parent, cancellationToken);
                return true;
            }
            catch (SandboxFileException e) when (e.Problem == SandboxFileProblem.NotAFile) { }
            catch (SandboxException) { return false; }
        }

        return false;
    }
}
