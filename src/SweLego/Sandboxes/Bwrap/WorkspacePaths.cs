namespace SweLego.Sandboxes.Bwrap;

/// <summary>
/// Maps sandbox paths to host paths for a bwrap session. The workspace is the only
/// writable place; host-side writes resolve every symbolic link on the way and refuse any
/// that leaves the workspace, so the agent cannot trick the host into writing elsewhere.
/// </summary>
internal sealed class WorkspacePaths(string hostWorkspace, string workdir)
{
    private readonly string _host = Path.GetFullPath(hostWorkspace).TrimEnd('/');
    private readonly string _workdir = workdir.TrimEnd('/');

    /// <summary>Host path for writing or copying into the sandbox path; throws if it is outside the workspace.</summary>
    public string ForWrite(string sandboxPath)
    {
        string relative = Relative(sandboxPath)
            ?? throw new SandboxException($"'{sandboxPath}' is outside the workspace {_workdir}; only the workspace is writable.");
        return ResolveInside(relative, sandboxPath);
    }

    /// <summary>Host path for reading: the workspace, or the host's own read-only root (never the private /tmp).</summary>
    public string ForRead(string sandboxPath)
    {
        if (Relative(sandboxPath) is { } relative) return ResolveInside(relative, sandboxPath);
        string full = SandboxPath.Normalize(sandboxPath);
        foreach (string isolated in (string[])["/tmp", "/proc", "/dev"])
        {
            if (full == isolated || full.StartsWith(isolated + "/", StringComparison.Ordinal))
                throw new SandboxException($"'{sandboxPath}' is private to the sandbox; read it with a command instead.");
        }

        return full;
    }

    private string? Relative(string sandboxPath) => SandboxPath.RelativeTo(_workdir, sandboxPath);

    private string ResolveInside(string relative, string sandboxPath)
    {
        string current = _host;
        string[] parts = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            var info = new FileInfo(current);
            if (info.LinkTarget is null) continue;
            string target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? current;
            string mapped = MapBack(target) ?? throw new SandboxException($"'{sandboxPath}' goes through a symbolic link that leaves the workspace.");
            current = mapped;
        }

        return current;
    }

    // Links inside the sandbox are written with sandbox paths; map either form back to the host.
    private string? MapBack(string target)
    {
        string full = Path.GetFullPath(target);
        if (full == _host || full.StartsWith(_host + "/", StringComparison.Ordinal)) return full;
        if (full == _workdir) return _host;
        return full.StartsWith(_workdir + "/", StringComparison.Ordinal) ? _host + full[_workdir.Length..] : null;
    }
}
