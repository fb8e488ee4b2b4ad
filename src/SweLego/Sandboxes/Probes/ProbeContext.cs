using System.Security.Cryptography;

namespace SweLego.Sandboxes.Probes;

/// <summary>
/// One probe's run: a fresh host workspace, a session started on first use with the probe's
/// limits, host-side bait (marker files, processes) that is undone when the probe ends, and the
/// record of every command run. Only this probe's own markers and processes are ever removed.
/// </summary>
public sealed class ProbeContext
{
    private readonly ISandboxBackend _backend;
    private readonly SandboxSpec _spec;
    private readonly List<Func<ValueTask>> _teardown = [];
    private readonly List<string> _commands = [];
    private ISandboxSession? _session;
    private bool _ended;

    internal ProbeContext(ISandboxBackend backend, SandboxLimits limits, Func<string, SandboxLimits, SandboxSpec>? spec)
    {
        _backend = backend;
        HostWorkspace = Directory.CreateTempSubdirectory("swelego-probe-ws-").FullName;
        try
        {
            _spec = spec?.Invoke(HostWorkspace, limits) ?? new SandboxSpec { HostWorkspace = HostWorkspace, Limits = limits };
        }
        catch
        {
            Directory.Delete(HostWorkspace, recursive: true);
            throw;
        }
    }

    /// <summary>Backend name (<c>bwrap</c>, <c>docker</c>).</summary>
    public string Backend => _backend.Name;

    /// <summary>The session's limits.</summary>
    public SandboxLimits Limits => _spec.Limits;

    /// <summary>The host folder mounted as the workspace (removed when the probe ends).</summary>
    public string HostWorkspace { get; }

    /// <summary>Unique to this run of the probe; marker names carry it.</summary>
    public string Nonce { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    internal IReadOnlyList<string> Commands => _commands;

    /// <summary>A fresh random text that appears nowhere else.</summary>
    public static string NewSecret() => "swelego-secret-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>The session, started with the probe's limits on first use.</summary>
    public async Task<ISandboxSession> SessionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        return _session ??= await _backend.StartAsync(_spec, cancellationToken);
    }

    /// <summary>Runs a command in the session (recorded for the report).</summary>
    public async Task<ExecResult> ExecAsync(
        string command, CancellationToken cancellationToken, TimeSpan? timeout = null, Action<ReadOnlyMemory<byte>>? onOutput = null)
    {
        var session = await SessionAsync(cancellationToken);
        _commands.Add(command);
        return await session.ExecAsync(command, new ExecOptions { Timeout = timeout, OnOutput = onOutput }, cancellationToken);
    }

    /// <summary>Sends text to the running command's standard input.</summary>
    public async Task SendInputAsync(string text, CancellationToken cancellationToken) =>
        await (await SessionAsync(cancellationToken)).SendInputAsync(text, cancellationToken);

    /// <summary>True when the session still answers a plain command correctly (after a limit was hit).</summary>
    public async Task<bool> IsAliveAsync(CancellationToken cancellationToken)
    {
        var result = await ExecAsync("echo swelego-alive-$((6 * 7))", cancellationToken, TimeSpan.FromSeconds(30));
        return !result.SessionEnded && result.ExitCode == 0 && result.Output == "swelego-alive-42\n";
    }

    /// <summary>Disposes the session now (for checks of what must be gone after it).</summary>
    public async Task EndSessionAsync()
    {
        _ended = true;
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync();
        }
    }

    /// <summary>Registers an action for the end of the probe (run in reverse order, even after a failure).</summary>
    public void OnTeardown(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _teardown.Add(() => { action(); return ValueTask.CompletedTask; });
    }

    /// <summary>
    /// Writes a marker file holding <paramref name="content"/> into a host folder (created if missing,
    /// and then removed again when empty); it is deleted when the probe ends.
    /// </summary>
    public string PlantMarker(string directory, string content)
    {
        string path = MarkerPath(directory);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A unique path in a host folder (created if missing) that is deleted, if it appears, when the probe ends.</summary>
    public string MarkerPath(string directory)
    {
        string full = Path.GetFullPath(directory);
        EnsureDirectory(full);
        string path = Path.Combine(full, $".swelego-probe-{Nonce}-{_teardown.Count}");
        OnTeardown(() =>
        {
            if (File.Exists(path)) File.Delete(path);
        });
        return path;
    }

    /// <summary>Starts <c>sleep</c> on the host (with extra environment variables); it is killed when the probe ends.</summary>
    public HostProcess StartHostProcess(IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = HostProcess.StartSleep(environment);
        OnTeardown(process.Dispose);
        return process;
    }

    /// <summary>Ends the session, undoes the set-up and removes the workspace; returns what could not be undone.</summary>
    internal async Task<IReadOnlyList<string>> CloseAsync()
    {
        var problems = new List<string>();
        try { await EndSessionAsync(); }
        catch (Exception e) { problems.Add($"closing the session: {e.Message}"); }

        for (int i = _teardown.Count - 1; i >= 0; i--)
        {
            try { await _teardown[i](); }
            catch (Exception e) { problems.Add($"tear-down: {e.Message}"); }
        }

        try { DeleteWorkspace(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problems.Add($"removing the workspace: {e.Message}"); }

        return problems;
    }

    private void EnsureDirectory(string directory)
    {
        if (Directory.Exists(directory)) return;
        string? parent = Path.GetDirectoryName(directory);
        if (parent is not null) EnsureDirectory(parent);
        Directory.CreateDirectory(directory);
        OnTeardown(() =>
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
        });
    }

    // A probe may leave an immutable or read-only entry behind (chmod inside the sandbox): make it deletable first.
    private void DeleteWorkspace()
    {
        if (!Directory.Exists(HostWorkspace)) return;
        foreach (string entry in Directory.EnumerateFileSystemEntries(HostWorkspace, "*", SearchOption.AllDirectories))
        {
            if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null)
                File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(HostWorkspace, recursive: true);
    }
}
