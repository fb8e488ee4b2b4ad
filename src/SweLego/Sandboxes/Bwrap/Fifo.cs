using System.Runtime.InteropServices;

namespace SweLego.Sandboxes.Bwrap;

/// <summary>mkfifo(3), which .NET does not expose.</summary>
internal static partial class Fifo
{
    public static void Create(string path)
    {
        if (NativeMkfifo(path, Convert.ToInt32("600", 8)) != 0)
            throw new SandboxException($"Cannot create the control FIFO {path}: errno {Marshal.GetLastPInvokeError()}.");
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeMkfifo(string path, int mode);
}
