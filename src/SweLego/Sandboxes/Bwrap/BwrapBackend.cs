using System.Diagnostics;
using System.Text;
using SweLego.Sandboxes.Security;
using SweLego.Sandboxes.Shell;

namespace SweLego.Sandboxes.Bwrap;

/// <summary>
/// Sandboxes on bubblewrap that expose nothing of the host: a root file system of their own
/// (<see cref="RootFileSystems"/>, read-only), the workspace and extra mounts (nosuid, nodev),
/// size-limited private /tmp and /dev/shm, a minimal /dev, a new /proc with /proc/sys
/// read-only and the kernel's secrets masked, no /sys, no network, their own user, PID, IPC
/// and UTS namespaces, an unprivileged uid, no capabilities, no further user namespaces, the
/// system-call filter of <see cref="SeccompPolicy"/>, a new terminal session, killed with
/// their parent; memory and processes limited by a cgroup.
/// </summary>
public sealed class BwrapBackend(BwrapOptions? options = null) : ISandboxBackend
{
    private const string ControlPathInside = "/run/swelego/control";
    private const string OomPathInside = "/run/swelego/oom";

    // Never mounted from the root file system: the sandbox gets its own (or none).
    private static readonly HashSet<string> OwnTopLevel = new(StringComparer.Ordinal)
    {
        "dev", "proc", "sys", "tmp", "run", "home", "root", "mnt", "media", "srv", "boot", "lost+found",
    };

    // Kernel interfaces a uid that is root outside could read or write; hidden or read-only as Docker does.
    private static readonly string[] MaskedProc = ["/proc/keys", "/proc/key-users", "/proc/kcore", "/proc/timer_list", "/proc/sched_debug", "/proc/latency_stats", "/proc/kallsyms"];
    private static readonly string[] ReadOnlyProc = ["/proc/sys", "/proc/sysrq-trigger", "/proc/fs", "/proc/irq", "/proc/bus"];

    // The root file system is read-only and shared: its passwd and group are read once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string RootFs, int Uid), (string Passwd, string Group)> UserFiles = new();

    private readonly BwrapOptions _options = options ?? new BwrapOptions();

    public string Name => "bwrap";

    public async Task<ISandboxSession> StartAsync(SandboxSpec spec, CancellationToken cancellationToken = default)
    {
        spec.Validate();
        if (spec.HostWorkspace is null) throw new SandboxException("The bwrap backend needs a host workspace directory (--workspace); images need the docker backend.");
        if (spec.Image is not null) throw new SandboxException($"The bwrap backend runs on its own root file system and cannot use image '{spec.Image}'; use --backend docker.");
        if (!File.Exists(_options.BwrapPath)) throw new SandboxException($"bubblewrap is not installed ({_options.BwrapPath} is missing); install it with 'apt-get install bubblewrap'.");
        _ = BwrapLeftovers.ReapOnce();
        string rootFs = await RootFileSystems.ResolveAsync(_options, cancellationToken);

        string hostWorkspace = Path.GetFullPath(spec.HostWorkspace);
        string workdir = spec.Workdir ?? hostWorkspace;
        foreach (string target in spec.Mounts.Select(m => m.Target).Prepend(workdir)) CheckMountTarget(rootFs, target);
        string nonce = PersistentShell.NewNonce();
        string scratch = Directory.CreateTempSubdirectory($"{BwrapLeftovers.ScratchPrefix}{SandboxOwner.Current.Token}-").FullName;
        SessionCgroup? cgroup = null;
        Process? process = null;
        try
        {
            var files = WriteSessionFiles(scratch, rootFs);
            cgroup = SessionCgroup.Create($"{BwrapLeftovers.CgroupPrefix}{SandboxOwner.Current.Token}-{nonce}", spec.Limits);
            process = await ProcessSpawner.StartAsync(StartInfo(spec, rootFs, hostWorkspace, workdir, nonce, files, cgroup));
            var stderr = new BoundedText(8192);
            var stderrDone = PumpAsync(process.StandardError, stderr);

            // O_RDWR: opening a FIFO read-write never blocks, even before the supervisor opens it.
            var control = new FileStream(files.Control, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, useAsync: false);
            var shellChannel = new StreamChannel(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
            var session = new BwrapSession(process, cgroup, scratch, new SandboxFileMap(rootFs, hostWorkspace, workdir, spec.Mounts), workdir);
            try
            {
                var shell = await PersistentShell.StartAsync(
                    shellChannel, new StreamChannel(null, control), session.KillAsync, nonce, workdir, OomPathInside, spec.Limits,
                    cancellationToken);
                session.Attach(shell, spec.Limits, [hostWorkspace]);
                return session;
            }
            catch (SandboxException e)
            {
                // bwrap explains itself on stderr (bad mount, missing namespace support); wait for all of it.
                await Task.WhenAny(stderrDone, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
                string exit = process.HasExited ? $"bwrap exited with code {process.ExitCode}" : "bwrap is running";
                throw new SandboxException($"{e.Message} ({exit}; stderr: {stderr.ToString().Trim()})", e);
            }
        }
        catch
        {
            try { process?.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process?.Dispose();
            cgroup?.Dispose();
            Directory.Delete(scratch, recursive: true);
            throw;
        }
    }

    // bwrap creates missing mount points, but not inside the read-only folders of the root
    // file system (a workspace at /var/tmp/x, say).
    private static void CheckMountTarget(string rootFs, string target)
    {
        string top = target.TrimStart('/').Split('/')[0];
        if (OwnTopLevel.Contains(top) || top.Length == 0 || Path.Exists(Path.Combine(rootFs, target.TrimStart('/')))) return;
        if (Path.Exists(Path.Combine(rootFs, top)))
            throw new SandboxException(
                $"Cannot mount at {target}: /{top} comes read-only from the sandbox's root file system. Use a path under /tmp, /home, /root, /srv or a new top-level folder (e.g. --workdir /testbed).");
    }

    private sealed record SessionFiles(string Control, string Seccomp, string Passwd, string Group);

    // The control FIFO, the compiled filter, and passwd/group files that name the sandbox user
    // (tools such as getpass and git look the uid up).
    private SessionFiles WriteSessionFiles(string scratch, string rootFs)
    {
        var files = new SessionFiles(Path.Combine(scratch, "control"), Path.Combine(scratch, "seccomp.bpf"), Path.Combine(scratch, "passwd"), Path.Combine(scratch, "group"));
        Fifo.Create(files.Control);
        File.WriteAllBytes(files.Seccomp, SeccompBpf.Program);
        var (passwd, group) = UserFiles.GetOrAdd((rootFs, _options.SandboxUid), key =>
        {
            string uid = key.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (WithEntry(Path.Combine(key.RootFs, "etc/passwd"), $"sandbox:x:{uid}:{uid}:SweLego sandbox:/tmp:/bin/bash", uid),
                WithEntry(Path.Combine(key.RootFs, "etc/group"), $"sandbox:x:{uid}:", uid));
        });
        File.WriteAllText(files.Passwd, passwd);
        File.WriteAllText(files.Group, group);
        return files;
    }

    private static string WithEntry(string file, string entry, string id)
    {
        string text = File.Exists(file) ? File.ReadAllText(file) : "";
        bool taken = text.Split('\n').Any(l => l.Split(':') is { Length: > 2 } f && f[2] == id);
        return taken ? text : text.TrimEnd('\n') + "\n" + entry + "\n";
    }

    private ProcessStartInfo StartInfo(SandboxSpec spec, string rootFs, string hostWorkspace, string workdir, string nonce, SessionFiles files, SessionCgroup cgroup)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Join the cgroup before exec'ing bwrap, so every sandbox process is born inside it, and
        // open the filter as fd 9 for --seccomp. setsid: a Ctrl-C at the terminal reaches swelego
        // (which stops the command cleanly), not the sandbox. .NET ignores SIGPIPE and ignored
        // signals survive exec: restore the default, or `yes | head` would print "Broken pipe".
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(
            "for f in $SWL_CGROUP_PROCS; do echo $$ > \"$f\" || exit 98; done; exec 9< \"$SWL_SECCOMP\" || exit 97; unset SWL_CGROUP_PROCS SWL_SECCOMP; " +
            "exec /usr/bin/setsid /usr/bin/env --default-signal=PIPE \"$@\"");
        info.ArgumentList.Add("swelego-bwrap");
        info.ArgumentList.Add(_options.BwrapPath);
        foreach (string arg in Arguments(spec, rootFs, hostWorkspace, workdir, nonce, files, cgroup)) info.ArgumentList.Add(arg);

        info.Environment.Clear();
        info.Environment["SWL_CGROUP_PROCS"] = string.Join(' ', cgroup.ProcsFiles);
        info.Environment["SWL_SECCOMP"] = files.Seccomp;
        foreach (var (key, value) in SandboxEnvironment.Defaults(_options.SandboxPath)) info.Environment[key] = value;
        foreach (var (key, value) in spec.Environment) info.Environment[key] = value;
        return info;
    }

    private List<string> Arguments(SandboxSpec spec, string rootFs, string hostWorkspace, string workdir, string nonce, SessionFiles files, SessionCgroup cgroup)
    {
        string uid = _options.SandboxUid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Size(long bytes) => bytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var args = new List<string>
        {
            "--unshare-user", "--uid", uid, "--gid", uid, "--disable-userns",
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--hostname", "sandbox", "--seccomp", "9",
        };
        foreach (var entry in new DirectoryInfo(rootFs).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (OwnTopLevel.Contains(entry.Name) || entry.Name.StartsWith('.')) continue;
            if (entry.LinkTarget is { } link) args.AddRange(["--symlink", link, "/" + entry.Name]);
            else if (entry is DirectoryInfo) args.AddRange(["--ro-bind", entry.FullName, "/" + entry.Name]);
        }

        args.AddRange(["--ro-bind", files.Passwd, "/etc/passwd", "--ro-bind", files.Group, "/etc/group"]);
        args.AddRange(["--proc", "/proc", "--dev", "/dev"]);
        foreach (string path in ReadOnlyProc.Where(Path.Exists)) args.AddRange(["--ro-bind", path, path]);
        foreach (string path in MaskedProc.Where(Path.Exists)) args.AddRange(["--ro-bind", "/dev/null", path]);
        args.AddRange(["--size", Size(spec.Limits.ShmBytes), "--tmpfs", "/dev/shm", "--size", Size(spec.Limits.TmpBytes), "--tmpfs", "/tmp"]);
        args.AddRange(["--bind", hostWorkspace, workdir]);
        foreach (var mount in spec.Mounts) args.AddRange([mount.ReadOnly ? "--ro-bind" : "--bind", Path.GetFullPath(mount.HostPath), mount.Target]);
        args.AddRange(["--ro-bind", files.Control, ControlPathInside, "--ro-bind", cgroup.OomFile, OomPathInside]);
        // Nothing may create files outside the workspace, /tmp and /dev/shm.
        args.AddRange(["--remount-ro", "/", "--chdir", workdir]);
        args.AddRange([
            "/bin/bash", "--noprofile", "--norc", "-c",
            $"( /bin/bash --noprofile --norc -c \"$1\" < {ControlPathInside} & ); exec /bin/bash --noprofile --norc",
            "swelego-boot", ShellScripts.Supervisor(nonce, spec.Limits.MaxProcesses)]);
        return args;
    }

    private static async Task PumpAsync(StreamReader reader, BoundedText sink)
    {
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0) sink.Append(buffer.AsSpan(0, n));
    }

    /// <summary>Keeps the first characters of a diagnostic stream.</summary>
    private sealed class BoundedText(int capacity)
    {
        private readonly StringBuilder _text = new();

        public void Append(ReadOnlySpan<char> chars)
        {
            lock (_text) _text.Append(chars[..Math.Min(chars.Length, Math.Max(0, capacity - _text.Length))]);
        }

        public override string ToString()
        {
            lock (_text) return _text.ToString();
        }
    }
}
