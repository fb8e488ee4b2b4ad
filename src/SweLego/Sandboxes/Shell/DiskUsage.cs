using System.IO.Enumeration;
using System.Runtime.InteropServices;

namespace SweLego.Sandboxes.Shell;

/// <summary>
/// Disk use as the disk watcher needs it: the blocks a directory tree holds (what <c>du</c>
/// counts: sparse files by their allocated blocks, hard links once) and the bytes in use on a
/// file system (statvfs), the cheap signal that something was written since the last walk.
/// </summary>
internal static partial class DiskUsage
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtStatxDontSync = 0x4000;
    private const uint StatxMask = 0x1 /* type */ | 0x2 /* mode */ | 0x4 /* nlink */ | 0x100 /* ino */ | 0x400 /* blocks */;
    private const ushort TypeMask = 0xF000;
    private const ushort Directory = 0x4000;

    /// <summary>
    /// Bytes allocated to every file and directory under <paramref name="roots"/>, the roots
    /// included. Symbolic links are not followed and other file systems mounted inside are not
    /// entered; entries that vanish during the walk are skipped.
    /// </summary>
    public static long Allocated(IReadOnlyList<string> roots)
    {
        long total = 0;
        var seenLinks = new HashSet<(ulong Device, ulong Inode)>();
        var pending = new Stack<string>();
        foreach (string root in roots)
        {
            if (!TryStat(root, out var rootStat) || !IsDirectory(rootStat)) continue;
            ulong device = DeviceOf(rootStat);
            if (!seenLinks.Add((device, rootStat.Ino))) continue;
            total += (long)rootStat.Blocks * 512;
            pending.Push(root);
            while (pending.TryPop(out string? directory))
            {
                foreach (string path in Entries(directory))
                {
                    if (!TryStat(path, out var stat) || DeviceOf(stat) != device) continue;
                    if (stat.Nlink > 1 && !IsDirectory(stat) && !seenLinks.Add((device, stat.Ino))) continue;
                    total += (long)stat.Blocks * 512;
                    if (IsDirectory(stat)) pending.Push(path);
                }
            }
        }

        return total;
    }

    /// <summary>Bytes in use on the file system holding <paramref name="path"/>, or null when it cannot be read.</summary>
    public static long? FileSystemUsed(string path)
    {
        if (NativeStatvfs(path, out var info) != 0) return null;
        return (long)((info.Blocks - info.FreeBlocks) * info.FragmentSize);
    }

    /// <summary>Identifies the file system holding <paramref name="path"/> (its device), or null.</summary>
    public static ulong? FileSystemOf(string path) => TryStat(path, out var stat) ? DeviceOf(stat) : null;

    private static List<string> Entries(string directory)
    {
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0, RecurseSubdirectories = false };
        try
        {
            return new FileSystemEnumerable<string>(directory, (ref FileSystemEntry entry) => entry.ToFullPath(), options).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // removed or replaced while we walked
        }
    }

    private static bool TryStat(string path, out StatxBuffer stat) =>
        NativeStatx(AtFdCwd, path, AtSymlinkNoFollow | AtStatxDontSync, StatxMask, out stat) == 0;

    private static bool IsDirectory(in StatxBuffer stat) => (stat.Mode & TypeMask) == Directory;

    private static ulong DeviceOf(in StatxBuffer stat) => ((ulong)stat.DevMajor << 32) | stat.DevMinor;

    // struct statx is the same on every Linux architecture (256 bytes); only these fields are read.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(16)] public uint Nlink;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Ino;
        [FieldOffset(48)] public ulong Blocks;
        [FieldOffset(136)] public uint DevMajor;
        [FieldOffset(140)] public uint DevMinor;
    }

    // struct statvfs of glibc on 64-bit Linux: unsigned longs first; room to spare at the end.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatvfsBuffer
    {
        [FieldOffset(8)] public ulong FragmentSize;
        [FieldOffset(16)] public ulong Blocks;
        [FieldOffset(24)] public ulong FreeBlocks;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeStatx(int directoryFd, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "statvfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeStatvfs(string path, out StatvfsBuffer buffer);
}
