using System.Runtime.InteropServices;

namespace SweLego.Sandboxes.Docker;

/// <summary>
/// Refuses host paths that would hand a container the host: the root, the kernel's views
/// (/proc, /sys, /dev) and runtime state (/run, where daemons keep their sockets), anything
/// under those, and any directory that is or directly holds a unix socket — the Docker socket
/// above all, which is root on the host. Paths are judged as given and with symlinks resolved
/// (/var/run is a link to /run), since the daemon mounts the resolved path.
/// </summary>
internal static partial class HostMountGuard
{
    private static readonly string[] Forbidden = ["/proc", "/sys", "/dev", "/run", "/var/run"];

    /// <summary>Throws <see cref="SandboxException"/> naming the first host path of <paramref name="spec"/> that must not be mounted.</summary>
    public static void Check(SandboxSpec spec)
    {
        if (spec.HostWorkspace is { } workspace) Check(workspace);
        foreach (var mount in spec.Mounts) Check(mount.HostPath);
    }

    public static void Check(string hostPath)
    {
        string full = Path.GetFullPath(hostPath);
        string real = RealPath(full);
        foreach (string path in full == real ? [full] : (string[])[full, real])
        {
            if (path == "/" || Forbidden.Any(root => path == root || path.StartsWith(root + "/", StringComparison.Ordinal)))
                throw Refused(hostPath, path == "/" ? "it is the host's root" : "it exposes the host's kernel or runtime state");
        }

        if (IsSocket(real)) throw Refused(hostPath, "it is a unix socket");
        if (!Directory.Exists(real)) return;
        foreach (string entry in Directory.EnumerateFileSystemEntries(real))
        {
            if (IsSocket(entry)) throw Refused(hostPath, $"it holds the unix socket {entry}");
        }
    }

    private static SandboxException Refused(string hostPath, string why) =>
        new($"Refusing to mount '{hostPath}' into a docker sandbox: {why}, and sandboxed code could use it to reach the host.");

    /// <summary>The path with every symlink resolved (like realpath(3)); the part after the first missing component stays as written.</summary>
    private static string RealPath(string path)
    {
        string resolved = "/";
        var pending = new Stack<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        for (int links = 0; pending.TryPop(out string? part);)
        {
            if (part == ".") continue;
            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? "/";
                continue;
            }

            string next = Path.Join(resolved, part);
            string? target;
            try { target = new FileInfo(next).LinkTarget; }
            catch (IOException) { target = null; }
            if (target is null || ++links > 40)
            {
                resolved = next;
                continue;
            }

            // Resolve the link's target in place of this component, relative to the folder holding it.
            if (target.StartsWith('/')) resolved = "/";
            foreach (string piece in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse()) pending.Push(piece);
        }

        return resolved;
    }

    private static unsafe bool IsSocket(string path)
    {
        // statx has one layout on every architecture (stat does not); stx_mode is the u16 at offset 28.
        const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100;
        const uint StatxType = 0x1;
        const int SocketType = 0xC000, TypeMask = 0xF000;
        byte* buffer = stackalloc byte[256];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0) return false;
        return (*(ushort*)(buffer + 28) & TypeMask) == SocketType;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}
