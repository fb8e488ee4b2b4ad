using SweLego.Sandboxes;

namespace SweLego.Agent.Tools;

/// <summary>
/// The editor's file access: what a path is, and writes whose failures come back as aci words them
/// (Python's <c>[Errno N] ...</c>). Paths in the workspace go through the session's file API
/// (<see cref="ISandboxSession.ReadFileAsync"/>, <see cref="ISandboxSession.WriteFileAsync"/>), which
/// works while a command of <c>execute_bash</c> is still running; paths it cannot reach (outside the
/// workspace, or led out of it by a link) go through the shell (<see cref="EditorShell"/>), where
/// the sandbox's own permissions decide, as for aci running in the sandbox.
/// </summary>
internal sealed class EditorFiles(ISandboxSession session)
{
    /// <summary>aci's limit: larger files are refused for reading and editing.</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    public string Workdir => session.Workdir;

    /// <summary>The session's shell as the editor uses it (also for folder listings).</summary>
    public EditorShell Shell { get; } = new(session);

    /// <summary>
    /// Reads <paramref name="path"/>. The file API says "not a file" both for a folder and for a path
    /// running through a file (<c>a.py/x</c>, which Python calls missing): the nearest ancestor that is
    /// not a folder tells them apart.
    /// </summary>
    public async Task<EditorTarget> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        if (!InWorkspace(path)) return await Shell.ProbeAsync(path, cancellationToken);
        try
        {
            return EditorTarget.File(await session.ReadFileAsync(path, cancellationToken));
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
        catch (SandboxException e) when (e is not SandboxFileException)
        {
            // A link out of the workspace into a place the host cannot see (bwrap's private /tmp).
            return await Shell.ProbeAsync(path, cancellationToken);
        }
    }

    public async Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        if (!InWorkspace(path))
        {
            await Shell.WriteAsync(path, content, cancellationToken);
            return;
        }

        try
        {
            await session.WriteFileAsync(path, content, cancellationToken);
        }
        catch (SandboxFileException e) when (e.Problem != SandboxFileProblem.OutsideWorkspace)
        {
            throw EditorError.Write(path, Reason(e.Problem, path));
        }
        catch (SandboxException)
        {
            // Led out of the workspace by a link, or a failure of the file API itself: the shell writes as the sandbox user.
            await Shell.WriteAsync(path, content, cancellationToken);
        }
    }

    /// <summary>Python's error text for a failed open of <paramref name="path"/>.</summary>
    public static string Reason(SandboxFileProblem problem, string path) => problem switch
    {
        SandboxFileProblem.NotFound => $"[Errno 2] No such file or directory: '{path}'",
        SandboxFileProblem.NotAFile => $"[Errno 20] Not a directory: '{path}'",
        _ => $"[Errno 13] Permission denied: '{path}'",
    };

    private bool InWorkspace(string path) => SandboxPath.RelativeTo(session.Workdir, path) is not null;

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
