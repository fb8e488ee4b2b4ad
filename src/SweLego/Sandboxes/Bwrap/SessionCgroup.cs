using System.Globalization;

namespace SweLego.Sandboxes.Bwrap;

/// <summary>
/// A cgroup per bwrap session that enforces the memory and process limits and lets us kill
/// every process of the session. Supports cgroup v1 (separate memory and pids hierarchies)
/// and v2 (one unified hierarchy with both controllers). Needs root.
/// </summary>
internal sealed class SessionCgroup : IDisposable
{
    private readonly string[] _directories;

    private SessionCgroup(string[] directories, string oomFile)
    {
        _directories = directories;
        OomFile = oomFile;
    }

    /// <summary>The <c>cgroup.procs</c> files a process writes its pid into to join the session.</summary>
    public IEnumerable<string> ProcsFiles => _directories.Select(d => Path.Combine(d, "cgroup.procs"));

    /// <summary>File with the <c>oom_kill</c> counter (memory.oom_control in v1, memory.events in v2).</summary>
    public string OomFile { get; }

    /// <summary>Creates the cgroup or throws <see cref="SandboxException"/> saying why limits cannot be enforced.</summary>
    public static SessionCgroup Create(string name, SandboxLimits limits)
    {
        var mounts = CgroupMounts.Read();
        try
        {
            if (mounts.V1Memory is { } memoryRoot && mounts.V1Pids is { } pidsRoot)
            {
                string memory = CreateChild(memoryRoot, name);
                string pids = CreateChild(pidsRoot, name);
                var cgroup = new SessionCgroup([memory, pids], Path.Combine(memory, "memory.oom_control"));
                Write(memory, "memory.limit_in_bytes", limits.MemoryBytes);
                if (File.Exists(Path.Combine(memory, "memory.memsw.limit_in_bytes")))
                    Write(memory, "memory.memsw.limit_in_bytes", limits.MemoryBytes);
                Write(pids, "pids.max", limits.MaxProcesses);
                return cgroup;
            }

            if (mounts.V2 is { } unified)
            {
                EnableControllers(unified);
                string dir = CreateChild(unified, name);
                var cgroup = new SessionCgroup([dir], Path.Combine(dir, "memory.events"));
                Write(dir, "memory.max", limits.MemoryBytes);
                if (File.Exists(Path.Combine(dir, "memory.swap.max"))) Write(dir, "memory.swap.max", 0);
                Write(dir, "pids.max", limits.MaxProcesses);
                return cgroup;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SandboxException($"Cannot create the session cgroup to enforce memory/process limits: {e.Message} (bwrap sessions need root and a writable cgroup file system).", e);
        }

        throw new SandboxException("No cgroup hierarchy with the memory and pids controllers is mounted; bwrap sessions cannot enforce memory/process limits on this machine.");
    }

    /// <summary>The names of the session cgroups that exist, in any hierarchy.</summary>
    public static IEnumerable<string> ExistingNames() =>
        SessionParents().Where(Directory.Exists).SelectMany(Directory.EnumerateDirectories)
            .Select(Path.GetFileName).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>Kills the processes of an existing session cgroup and removes it (reaping a dead owner's).</summary>
    public static void Remove(string name) => new SessionCgroup(Existing(name), "").Dispose();

    /// <summary>True when no process is left in the cgroup.</summary>
    public static bool IsEmpty(string name) => !Existing(name).SelectMany(ReadPids).Any();

    // "<hierarchy>/swelego" for every mounted hierarchy that holds session cgroups.
    private static IEnumerable<string> SessionParents()
    {
        var mounts = CgroupMounts.Read();
        return ((string?[])[mounts.V1Memory, mounts.V1Pids, mounts.V2]).OfType<string>().Select(root => Path.Combine(root, "swelego"));
    }

    private static string[] Existing(string name) => [.. SessionParents().Select(parent => Path.Combine(parent, name)).Where(Directory.Exists)];

    /// <summary>SIGKILLs every process in the cgroup; repeats until it is empty (a fork bomb refills it).</summary>
    public void KillAll()
    {
        for (int round = 0; round < 100; round++)
        {
            var pids = _directories.SelectMany(ReadPids).Distinct().ToList();
            if (pids.Count == 0) return;
            foreach (int pid in pids) ProcessSignals.Kill(pid);
            if (round > 10) Thread.Sleep(10);
        }
    }

    public void Dispose()
    {
        KillAll();
        foreach (string dir in _directories)
        {
            // Killed processes leave the cgroup asynchronously; rmdir fails with EBUSY until then.
            for (int attempt = 0; attempt < 100; attempt++)
            {
                try { Directory.Delete(dir); break; }
                catch (IOException) when (attempt < 99) { Thread.Sleep(10); }
                catch (IOException) { /* leave it; a later session's cleanup is not affected */ }
            }
        }
    }

    private static IEnumerable<int> ReadPids(string dir)
    {
        string file = Path.Combine(dir, "cgroup.procs");
        if (!File.Exists(file)) return [];
        return File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => int.Parse(l, CultureInfo.InvariantCulture));
    }

    private static string CreateChild(string root, string name)
    {
        string dir = Path.Combine(root, "swelego", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void EnableControllers(string unified)
    {
        string parent = Path.Combine(unified, "swelego");
        Directory.CreateDirectory(parent);
        File.WriteAllText(Path.Combine(unified, "cgroup.subtree_control"), "+memory +pids");
        File.WriteAllText(Path.Combine(parent, "cgroup.subtree_control"), "+memory +pids");
    }

    private static void Write(string dir, string file, long value) =>
        File.WriteAllText(Path.Combine(dir, file), value.ToString(CultureInfo.InvariantCulture));
}
