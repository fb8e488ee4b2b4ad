namespace SweLego.Sandboxes;

/// <summary>Starts sandbox sessions. One implementation per folder (Bwrap, Docker).</summary>
public interface ISandboxBackend
{
    /// <summary>Stable name used on the command line and in reports.</summary>
    string Name { get; }

    /// <summary>Starts a session; throws <see cref="SandboxException"/> when the sandbox cannot start.</summary>
    Task<ISandboxSession> StartAsync(SandboxSpec spec, CancellationToken cancellationToken = default);
}
