using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweLego.Sandboxes.Security;

/// <summary>
/// The system calls every sandbox refuses, on both backends: one list, rendered as a BPF
/// program for bwrap (<see cref="SeccompBpf"/>) and as a Docker seccomp profile
/// (<see cref="DockerProfileJson"/>). Everything else is allowed: capabilities are dropped and
/// the namespaces hide the host, so this list closes what neither covers — calls that need no
/// capability (keyrings, new user namespaces, io_uring, userfaultfd) and setuid/setgid bits on
/// files the sandbox owns, which would land in a host workspace.
/// </summary>
public static class SeccompPolicy
{
    public const int Eperm = 1;

    /// <summary>"Not implemented": callers such as glibc fall back to an older call we can inspect.</summary>
    public const int Enosys = 38;

    private const ulong SetUid = 0x800;   // S_ISUID (04000)
    private const ulong SetGid = 0x400;   // S_ISGID (02000)
    private const ulong CloneNewUser = 0x10000000;

    // A new user namespace would hand the sandbox every capability inside it: the way into
    // most kernel attack surface. The other namespace flags already need capabilities.
    private static readonly string[] Refused =
    [
        // the kernel keyring is shared with the host per uid
        "add_key", "keyctl", "request_key",
        // file systems and namespaces
        "mount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "fsopen", "fsconfig", "fsmount", "fspick",
        "mount_setattr", "unshare", "setns",
        // other processes' memory, and the kernel itself
        "ptrace", "process_vm_readv", "process_vm_writev", "kcmp",
        "init_module", "finit_module", "delete_module", "kexec_load", "kexec_file_load", "reboot",
        "swapon", "swapoff", "acct", "quotactl", "syslog", "vhangup", "iopl", "ioperm",
        "settimeofday", "clock_settime", "clock_adjtime",
        "bpf", "perf_event_open", "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register",
        "open_by_handle_at", "name_to_handle_at", "lookup_dcookie", "uselib", "personality",
    ];

    // Calls whose arguments live in memory a filter cannot read: refused as "not implemented",
    // so libc falls back to the older call with plain arguments, which the rules below inspect.
    private static readonly string[] NotImplemented = ["clone3", "openat2", "fchmodat2"];

    // (syscall, index of its mode argument)
    private static readonly (string Syscall, int Index)[] ModeArguments =
    [
        ("chmod", 1), ("fchmod", 1), ("fchmodat", 2), ("open", 2), ("openat", 3), ("creat", 1), ("mknod", 1), ("mknodat", 2),
    ];

    /// <summary>Every rule, in a stable order.</summary>
    public static IReadOnlyList<SeccompRule> Rules { get; } =
    [
        .. Refused.Select(s => new SeccompRule(s, Eperm)),
        .. NotImplemented.Select(s => new SeccompRule(s, Enosys)),
        new SeccompRule("clone", Eperm, 0, CloneNewUser),
        .. ModeArguments.SelectMany(m => (SeccompRule[])[new(m.Syscall, Eperm, m.Index, SetUid), new(m.Syscall, Eperm, m.Index, SetGid)]),
    ];

    /// <summary>
    /// The policy as a Docker seccomp profile (<c>SecurityOpt "seccomp=&lt;json&gt;"</c>): allow by
    /// default, refuse <see cref="Rules"/>; foreign architectures are refused outright.
    /// </summary>
    public static string DockerProfileJson()
    {
        var syscalls = new JsonArray();
        foreach (var rule in Rules)
        {
            var entry = new JsonObject
            {
                ["names"] = new JsonArray(rule.Syscall),
                ["action"] = "SCMP_ACT_ERRNO",
                ["errnoRet"] = rule.Errno,
            };
            if (rule.ArgumentIndex is { } index)
            {
                entry["args"] = new JsonArray(new JsonObject
                {
                    ["index"] = index,
                    ["value"] = rule.Mask,
                    ["valueTwo"] = rule.Mask,
                    ["op"] = "SCMP_CMP_MASKED_EQ",
                });
            }

            syscalls.Add(entry);
        }

        var profile = new JsonObject
        {
            ["defaultAction"] = "SCMP_ACT_ALLOW",
            ["defaultErrnoRet"] = Eperm,
            ["architectures"] = new JsonArray(NativeArchitecture()),
            ["syscalls"] = syscalls,
        };
        return profile.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static string NativeArchitecture() => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => "SCMP_ARCH_AARCH64",
        _ => "SCMP_ARCH_X86_64",
    };
}
