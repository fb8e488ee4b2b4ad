using SweLego.Sandboxes;

namespace SweLego.Environments.Build;

/// <summary>
/// Starts a sandbox session on a built environment and activates it (the venv first on PATH).
/// Which sandbox and what it mounts is the environment backend's choice
/// (<see cref="Backends.IEnvironmentBackend.StartSessionAsync"/>); activation is the same on every backend.
/// </summary>
public static class EnvironmentSessions
{
    // Bytecode written by one run could be reused by the next after a same-size edit in the same
    // second (pyc staleness is checked by mtime and size): never write it.
    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string> { ["PYTHONDONTWRITEBYTECODE"] = "1" };

    /// <summary>
    /// An agent's session: its shell tool returns a slow command to the agent after the no-output or hard timeout and leaves it
    /// running, so the kill limit of one command is an hour (well above the tool's 300 s) and the session may live for a day
    /// of turns; memory, processes, disk and output keep the defaults.
    /// </summary>
    public static SandboxLimits AgentLimits { get; } = SandboxLimits.Default with { CommandTimeout = TimeSpan.FromHours(1), WallTime = TimeSpan.FromHours(24) };

    /// <summary>Starts <paramref name="spec"/> on <paramref name="backend"/> and sources <paramref name="venv"/>/bin/activate; a failed activation is a <see cref="SandboxException"/>.</summary>
    public static async Task<ISandboxSession> StartAsync(ISandboxBackend backend, SandboxSpec spec, string venv, CancellationToken cancellationToken)
    {
        var session = await backend.StartAsync(spec with { Environment = Variables }, cancellationToken);
        try
        {
            var activated = await session.ExecAsync($". {BashQuoting.Quote(venv + "/bin/activate")}", null, cancellationToken);
            if (activated.ExitCode != 0) throw new SandboxException($"activating the environment failed: {activated.Output.Trim()}");
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}
