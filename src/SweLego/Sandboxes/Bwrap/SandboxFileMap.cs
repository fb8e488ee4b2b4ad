namespace SweLego.Sandboxes.Bwrap;

/// <summary>
/// Maps sandbox paths to host paths for a bwrap session's host-side file access: the
/// workspace (the only writable place), the extra mounts and the root file system; /tmp,
/// /dev, /proc and /run are private to the sandbox. Symbolic links are followed as the
/// sandbox sees them (an absolute target is a sandbox path), never as the host would, so a
/// link planted in the workspace cannot make the host read or write its own files.
/// </summary>
internal sealed class SandboxFileMap
{
    private const int MaxLinks = 40;
    private static readonly string[] Private = ["/tmp", "/dev", "/proc", "/run", "/sys"];
    private readonly (string Sandbox, string Host, bool Writable)[] _entries;
    private readonly string _workdir;

    public SandboxFileMap(string rootFs, string hostWorkspace, string workdir, IEnumerable<SandboxMount> mounts)
    {
        _workdir = workdir.TrimEnd('/');
        _entries =
        [
            // A mount inside the workspace is part of it for the host (read-only only to the sandbox, like a checkout's .git).
            .. mounts.Select(m => (m.Target.TrimEnd('/'), Path.GetFullPath(m.HostPath).TrimEnd('/'), SandboxPath.RelativeTo(_workdir, m.Target) is not null)),
            (_workdir, Path.GetFullPath(hostWorkspace).TrimEnd('/'), true),
            ("", rootFs.TrimEnd('/'), false),
        ];
        // Longest prefix first: a mount inside the workspace (or / ) wins over its parent.
        Array.Sort(_entries, (a, b) => b.Sandbox.Length.CompareTo(a.Sandbox.Length));
    }

    /// <summary>Host path for writing or copying into the sandbox path; throws unless it resolves inside the workspace.</summary>
    public string ForWrite(string sandboxPath) =>
        Resolve(sandboxPath) is (string host, true) ? host : throw new SandboxFileException(SandboxFileProblem.OutsideWorkspace, sandboxPath, _workdir);

    /// <summary>Host path for reading the sandbox path.</summary>
    public string ForRead(string sandboxPath) =>
        Resolve(sandboxPath)?.Host ?? throw new SandboxException($"'{sandboxPath}' is private to the sandbox; read it with a command instead.");

    // Null for a path in the sandbox's private folders (/tmp), which have no host side.
    private (string Host, bool Writable)? Resolve(string sandboxPath)
    {
        var pending = new Queue<string>(Parts(SandboxPath.Normalize(sandboxPath)));
        string current = "";
        int links = 0;
        while (pending.TryDequeue(out string? part))
        {
            string next = current + "/" + part;
            // A private folder (/tmp) can hold mounts deeper down; it has no host side to look at.
            if (Map(next) is not { } entry || new FileInfo(entry.Host).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks) throw new SandboxException($"'{sandboxPath}' has too many levels of symbolic links.");
            string resolved = SandboxPath.Normalize(target.StartsWith('/') ? target : (current.Length == 0 ? "/" : current) + "/" + target);
            pending = new Queue<string>([.. Parts(resolved), .. pending]);
            current = "";
        }

        return Map(current.Length == 0 ? "/" : current);
    }

    // Null for a path in the sandbox's private folders.
    private (string Host, bool Writable)? Map(string path)
    {
        foreach (var (sandbox, host, writable) in _entries)
        {
            if (path != sandbox && !path.StartsWith(sandbox + "/", StringComparison.Ordinal) && !(sandbox.Length == 0 && path == "/")) continue;
            if (sandbox.Length == 0 && Private.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal))) return null;
            return (host + (path == "/" ? "" : path[sandbox.Length..]), writable);
        }

        return null;
    }

    private static string[] Parts(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
