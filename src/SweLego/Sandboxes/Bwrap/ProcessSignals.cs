using System.Runtime.InteropServices;

namespace SweLego.Sandboxes.Bwrap;

/// <summary>kill(2), which .NET only exposes for child processes it started.</summary>
internal static partial class ProcessSignals
{
    private const int SigKill = 9;

    public static void Kill(int pid) => _ = NativeKill(pid, SigKill);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}
