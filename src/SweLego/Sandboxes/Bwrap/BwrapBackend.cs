using System.Diagnostics;
using System.Text;
using SweLego.Sandboxes.Shell;

namespace SweLego.Sandboxes.Bwrap;

/// <summary>
/// Sandboxes on bubblewrap: the host's root file system read-only, the workspace read-write,
/// a private /tmp, no network, own PID/IPC/UTS namespaces, no capabilities, a new session
/// (no terminal injection), killed with its parent; memory and processes limited by a cgroup.
/// </summary>
public sealed class BwrapBackend(BwrapOptions? options = null) : ISandboxBackend
{
    private const string ControlPathInside = "/tmp/.swelego-control";
    private readonly BwrapOptions _options = options ?? new BwrapOptions();

    public string Name => "bwrap";

    public async Task<ISandboxSession> StartAsync(SandboxSpec spec, CancellationToken cancellationToken = default)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(spec, cancellationToken);
            }
            catch (SandboxException e) when (attempt < 3 && e.Message.Contains("Can't bind mount", StringComparison.Ordinal))
            {
                // bwrap remounts every mount under / read-only; a mount that appears or vanishes
                // meanwhile (a container starting or stopping) fails that one start. Try again.
            }
        }
    }

    private async Task<ISandboxSession> StartOnceAsync(SandboxSpec spec, CancellationToken cancellationToken)
    {
        spec.Validate();
        if (spec.HostWorkspace is null) throw new SandboxException("The bwrap backend needs a host workspace directory (--workspace); images need the docker backend.");
        if (spec.Image is not null) throw new SandboxException($"The bwrap backend runs on the host's file system and cannot use image '{spec.Image}'; use --backend docker.");
        if (!File.Exists(_options.BwrapPath)) throw new SandboxException($"bubblewrap is not installed ({_options.BwrapPath} is missing); install it with 'apt-get install bubblewrap'.");

        string hostWorkspace = Path.GetFullPath(spec.HostWorkspace);
        string workdir = spec.Workdir ?? hostWorkspace;
        string nonce = PersistentShell.NewNonce();
        string scratch = Directory.CreateTempSubdirectory("swelego-bwrap-").FullName;
        string controlFifo = Path.Combine(scratch, "control");
        SessionCgroup? cgroup = null;
        Process? process = null;
        try
        {
            Fifo.Create(controlFifo);
            cgroup = SessionCgroup.Create($"s-{nonce}", spec.Limits);
            process = await ProcessSpawner.StartAsync(StartInfo(spec, hostWorkspace, workdir, nonce, controlFifo, cgroup));
            var stderr = new BoundedText(8192);
            var stderrDone = PumpAsync(process.StandardError, stderr);

            // O_RDWR: opening a FIFO read-write never blocks, even before the supervisor opens it.
            var control = new FileStream(controlFifo, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, useAsync: false);
            var shellChannel = new StreamChannel(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
            var session = new BwrapSession(process, cgroup, scratch, new WorkspacePaths(hostWorkspace, workdir), workdir);
            try
            {
                var shell = await PersistentShell.StartAsync(
                    shellChannel, new StreamChannel(null, control), session.KillAsync, nonce, workdir, cgroup.OomFile, spec.Limits,
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

    private ProcessStartInfo StartInfo(SandboxSpec spec, string hostWorkspace, string workdir, string nonce, string controlFifo, SessionCgroup cgroup)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Join the cgroup before exec'ing bwrap, so every sandbox process is born inside it.
        // setsid: a Ctrl-C at the terminal reaches swelego (which stops the command cleanly),
        // not the sandbox. .NET ignores SIGPIPE and ignored signals survive exec: restore the
        // default, or `yes | head` would print "Broken pipe" instead of ending quietly.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("for f in $SWL_CGROUP_PROCS; do echo $$ > \"$f\" || exit 98; done; unset SWL_CGROUP_PROCS; exec /usr/bin/setsid /usr/bin/env --default-signal=PIPE \"$@\"");
        info.ArgumentList.Add("swelego-bwrap");
        info.ArgumentList.Add(_options.BwrapPath);
        foreach (string arg in (string[])[
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
            "--bind", hostWorkspace, workdir,
            .. spec.Mounts.SelectMany(m => (string[])[m.ReadOnly ? "--ro-bind" : "--bind", Path.GetFullPath(m.HostPath), m.Target]),
            "--ro-bind", controlFifo, ControlPathInside,
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--hostname", "sandbox",
            "--chdir", workdir,
            "/bin/bash", "--noprofile", "--norc", "-c",
            $"( /bin/bash --noprofile --norc -c \"$1\" < {ControlPathInside} & ); exec /bin/bash --noprofile --norc",
            "swelego-boot", ShellScripts.Supervisor(nonce, spec.Limits.MaxProcesses)])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Clear();
        info.Environment["SWL_CGROUP_PROCS"] = string.Join(' ', cgroup.ProcsFiles);
        foreach (var (key, value) in SandboxEnvironment.Defaults(_options.SandboxPath)) info.Environment[key] = value;
        foreach (var (key, value) in spec.Environment) info.Environment[key] = value;
        return info;
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
