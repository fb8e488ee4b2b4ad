using System.Runtime.InteropServices;

namespace SweLego.Runs;

/// <summary>
/// fsync on a directory, which .NET has no API for (FileStream refuses directories).
/// It makes a completed rename survive a power loss; a process crash does not need it.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnlyDirectoryFlagsLinux = 0x10000; // O_RDONLY | O_DIRECTORY

    public static void TryFlush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(directory, ReadOnlyDirectoryFlagsLinux);
        if (fd < 0)
        {
            return;
        }

        _ = Fsync(fd);
        _ = Close(fd);
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
