using System.Globalization;
using System.Text;

namespace SweLego.Sandboxes.Probes;

public static partial class SandboxProbes
{
    private static readonly (string File, UnixFileMode Bit, string Name)[] SetIdFiles =
    [
        ("swelego-suid", UnixFileMode.SetUser, "setuid"),
        ("swelego-sgid", UnixFileMode.SetGroup, "setgid"),
    ];

    private static IEnumerable<SandboxProbe> Privileges() =>
    [
        new("mount", "mount(2) is refused (a tmpfs on a workspace folder).", async (run, ct) =>
        {
            var result = await run.ExecAsync(Python(ProbeScripts.Mount), ct);
            string target = Path.Combine(run.HostWorkspace, "swelego-mount-probe");
            if (File.ReadAllText("/proc/self/mountinfo").Contains($" {target} ", StringComparison.Ordinal))
                return ProbeVerdict.NotContained($"a mount on {target} appeared in the host's mount table");
            return Refused(result, "MOUNTED", "REFUSED");
        }),

        new("unshare", "New user, mount and network namespaces cannot be created (unshare(2)).", async (run, ct) =>
            Refused(await run.ExecAsync(Python(ProbeScripts.Unshare), ct), "ALLOWED", "REFUSED")),

        new("chroot", "chroot(2) is refused.", async (run, ct) =>
            Refused(await run.ExecAsync(Python(ProbeScripts.Chroot), ct), "CHROOTED", "REFUSED")),

        new("setuid", "Setuid binaries cannot raise privileges (no_new_privs), and chmod u+s/g+s leaves no setuid/setgid file in the host workspace.", async (run, ct) =>
        {
            var result = await run.ExecAsync(
                "while read -r k v; do [[ $k == NoNewPrivs: ]] && echo \"NoNewPrivs $v\"; done < /proc/self/status; " +
                "cp /bin/true swelego-suid && chmod u+s swelego-suid; echo \"chmod u+s: exit $?\"; " +
                "cp /bin/true swelego-sgid && chmod g+s swelego-sgid; echo \"chmod g+s: exit $?\"", ct);
            var problems = new List<string>();
            if (!result.Output.Contains("NoNewPrivs 1", StringComparison.Ordinal))
                problems.Add($"setuid binaries work ({ProbeEvidence.Lines(result.Output, "NoNewPrivs")}, e.g. /usr/bin/su is setuid root)");
            foreach (var (file, bit, name) in SetIdFiles)
            {
                string host = Path.Combine(run.HostWorkspace, file);
                if (File.Exists(host) && File.GetUnixFileMode(host).HasFlag(bit)) problems.Add($"a {name} file is in the host workspace ({host})");
            }

            return problems.Count > 0
                ? ProbeVerdict.NotContained(string.Join("; ", problems))
                : ProbeVerdict.Contained(ProbeEvidence.Lines(result.Output));
        }),

        new("mknod", "A block device node of the host's disk cannot be made (nor read, nor left in the host workspace).", async (run, ct) =>
        {
            var (major, minor) = HostDisk();
            var result = await run.ExecAsync(Python(ProbeScripts.Mknod, major.ToString(CultureInfo.InvariantCulture), minor.ToString(CultureInfo.InvariantCulture)), ct);
            string seen = ProbeEvidence.Lines(result.Output, "REFUSED", "MADE", "READ", "UNREADABLE");
            if (result.Output.Contains("READ ", StringComparison.Ordinal) && !result.Output.Contains("UNREADABLE", StringComparison.Ordinal))
                return ProbeVerdict.NotContained($"the sandbox read the host's disk: {seen}");
            if (File.Exists(Path.Combine(run.HostWorkspace, "swelego-dev")))
                return ProbeVerdict.NotContained($"a device node for the host's disk is in the host workspace: {seen}");
            return result.Output.Contains("REFUSED", StringComparison.Ordinal) ? ProbeVerdict.Contained(seen) : throw Unexpected(result);
        }),

        new("keyring", "add_key(2) is refused; no key added in the sandbox shows in the host's /proc/keys.", async (run, ct) =>
        {
            string description = $"swelego-probe-{run.Nonce}";
            var added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new StringBuilder();
            var command = run.ExecAsync(Python(ProbeScripts.Keyring, description), ct, onOutput: bytes =>
            {
                // On the session's reader thread: only note it; the host looks from the probe's flow.
                lock (output)
                {
                    output.Append(Encoding.UTF8.GetString(bytes.Span));
                    if (output.ToString().Contains("ADDED", StringComparison.Ordinal)) added.TrySetResult();
                }
            });
            bool visible = false;
            if (await Task.WhenAny(added.Task, command) == added.Task)
            {
                visible = HostKeysContain(description);
                await run.SendInputAsync("checked\n", ct);
            }

            var result = await command;
            visible |= HostKeysContain(description);
            string seen = ProbeEvidence.Lines(result.Output, "REFUSED", "ADDED", "REMOVED", "KEPT");
            if (result.Output.Contains("ADDED", StringComparison.Ordinal) || visible)
                return ProbeVerdict.NotContained($"{seen}{(visible ? "; the key showed in the host's /proc/keys" : "; the key did not show in the host's /proc/keys")}");
            return result.Output.Contains("REFUSED", StringComparison.Ordinal) ? ProbeVerdict.Contained(seen) : throw Unexpected(result);
        }),

        new("ptrace-kill-host", "A host process (pid given to the sandbox) cannot be traced or killed from the sandbox.", async (run, ct) =>
        {
            var bait = run.StartHostProcess();
            var result = await run.ExecAsync(Python(ProbeScripts.PtraceKill, bait.Pid.ToString(CultureInfo.InvariantCulture), bait.Argument), ct);
            string seen = ProbeEvidence.Lines(result.Output, "ATTACHED", "KILLED", "REFUSED", "SKIPPED");
            if (!bait.IsRunningFreely) return ProbeVerdict.NotContained($"host pid {bait.Pid} was stopped, traced or killed: {seen}");
            if (result.Output.Contains("ATTACHED", StringComparison.Ordinal) || result.Output.Contains("KILLED", StringComparison.Ordinal))
                return ProbeVerdict.NotContained(seen);
            return result.ExitCode == 0 ? ProbeVerdict.Contained($"host pid {bait.Pid} still runs: {seen}") : throw Unexpected(result);
        }),
    ];

    /// <summary>Contained when the output has no <paramref name="allowed"/> line and at least one <paramref name="refused"/> line.</summary>
    private static ProbeVerdict Refused(ExecResult result, string allowed, string refused)
    {
        string seen = ProbeEvidence.Lines(result.Output, allowed, refused);
        if (result.Output.Contains(allowed, StringComparison.Ordinal)) return ProbeVerdict.NotContained(seen);
        return result.Output.Contains(refused, StringComparison.Ordinal) ? ProbeVerdict.Contained(seen) : throw Unexpected(result);
    }

    private static bool HostKeysContain(string description)
    {
        try { return File.ReadAllText("/proc/keys").Contains(description, StringComparison.Ordinal); }
        catch (IOException) { return false; }
    }

    // The device of the host's root file system, or else its first disk: what a raw read would expose.
    private static (int Major, int Minor) HostDisk()
    {
        foreach (string line in File.ReadLines("/proc/self/mountinfo"))
        {
            string[] fields = line.Split(' ');
            if (fields.Length > 4 && fields[4] == "/" && fields[2].Split(':') is [var major, var minor] && major != "0")
                return (int.Parse(major, CultureInfo.InvariantCulture), int.Parse(minor, CultureInfo.InvariantCulture));
        }

        foreach (string line in File.ReadLines("/proc/partitions").Skip(2))
        {
            if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var major, var minor, ..])
                return (int.Parse(major, CultureInfo.InvariantCulture), int.Parse(minor, CultureInfo.InvariantCulture));
        }

        return (8, 0);
    }
}
