using System.Runtime.InteropServices;

namespace SweLego.Sandboxes.Security;

/// <summary>
/// Compiles <see cref="SeccompPolicy"/> to a classic-BPF program with libseccomp (Debian
/// <c>libseccomp2</c>, which bwrap's own distribution uses), for <c>bwrap --seccomp FD</c>.
/// Calls from a foreign architecture (32-bit or x32 entry points) kill the process, so the
/// numbering cannot be dodged.
/// </summary>
internal static partial class SeccompBpf
{
    private const string Library = "libseccomp.so.2";
    private const uint ActAllow = 0x7fff0000;
    private const uint ActErrnoBase = 0x00050000;
    private const int CompareMaskedEqual = 7;
    private const int AttributeOptimize = 8;   // SCMP_FLTATR_CTL_OPTIMIZE
    private static readonly Lazy<byte[]> Compiled = new(Compile);

    // Calls newer than the libseccomp at hand may be unknown to it by name; their numbers are
    // the same on x86_64 and arm64 (added after the tables were unified).
    private static readonly Dictionary<string, int> NewerSyscalls = new(StringComparer.Ordinal)
    {
        ["clone3"] = 435, ["openat2"] = 437, ["mount_setattr"] = 442, ["fchmodat2"] = 452,
    };

    /// <summary>The program (cached: it is the same for every session).</summary>
    public static byte[] Program => Compiled.Value;

    private static unsafe byte[] Compile()
    {
        IntPtr context;
        try { context = SeccompInit(ActAllow); }
        catch (DllNotFoundException e)
        {
            throw new SandboxException($"{Library} is missing; the bwrap sandbox needs it for its system-call filter (apt-get install libseccomp2).", e);
        }

        if (context == IntPtr.Zero) throw new SandboxException("libseccomp could not create a filter.");
        try
        {
            // A binary tree over the syscall numbers: every system call of the sandbox runs the
            // filter, so fewer comparisons per call matter (older libseccomp ignores it: linear).
            _ = SeccompAttrSet(context, AttributeOptimize, 2);
            foreach (var rule in SeccompPolicy.Rules)
            {
                int number = SeccompSyscallResolveName(rule.Syscall);
                if (number < 0 && !NewerSyscalls.TryGetValue(rule.Syscall, out number)) continue;   // not on this architecture (open on arm64)
                uint action = ActErrnoBase | (uint)rule.Errno;
                int status;
                if (rule.ArgumentIndex is { } index)
                {
                    var compare = new ArgumentCompare { Argument = (uint)index, Operator = CompareMaskedEqual, DatumA = rule.Mask, DatumB = rule.Mask };
                    status = SeccompRuleAddArray(context, action, number, 1, &compare);
                }
                else
                {
                    status = SeccompRuleAddArray(context, action, number, 0, null);
                }

                if (status < 0) throw new SandboxException($"libseccomp refused the rule for {rule.Syscall} (error {-status}).");
            }

            string file = Path.Combine(Path.GetTempPath(), $"swelego-seccomp-{Environment.ProcessId}-{Guid.NewGuid():N}.bpf");
            try
            {
                using (var handle = File.OpenHandle(file, FileMode.CreateNew, FileAccess.Write))
                {
                    int status = SeccompExportBpf(context, (int)handle.DangerousGetHandle());
                    if (status < 0) throw new SandboxException($"libseccomp could not export the filter (error {-status}).");
                }

                return File.ReadAllBytes(file);
            }
            finally
            {
                File.Delete(file);
            }
        }
        finally
        {
            SeccompRelease(context);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ArgumentCompare
    {
        public uint Argument;
        public int Operator;
        public ulong DatumA;
        public ulong DatumB;
    }

    [LibraryImport(Library, EntryPoint = "seccomp_init")]
    private static partial IntPtr SeccompInit(uint defaultAction);

    [LibraryImport(Library, EntryPoint = "seccomp_syscall_resolve_name", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SeccompSyscallResolveName(string name);

    [LibraryImport(Library, EntryPoint = "seccomp_rule_add_array")]
    private static unsafe partial int SeccompRuleAddArray(IntPtr context, uint action, int syscall, uint count, ArgumentCompare* compares);

    [LibraryImport(Library, EntryPoint = "seccomp_attr_set")]
    private static partial int SeccompAttrSet(IntPtr context, int attribute, uint value);

    [LibraryImport(Library, EntryPoint = "seccomp_export_bpf")]
    private static partial int SeccompExportBpf(IntPtr context, int fd);

    [LibraryImport(Library, EntryPoint = "seccomp_release")]
    private static partial void SeccompRelease(IntPtr context);
}
