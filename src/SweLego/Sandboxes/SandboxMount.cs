namespace SweLego.Sandboxes;

/// <summary>
/// A host directory made visible in the sandbox besides the workspace (an environment's venv,
/// a cache of wheels). <see cref="SandboxPath"/> defaults to the host path; with bwrap it must
/// already exist in the sandbox's file system (the host's, read-only) or lie under /tmp.
/// Files API calls (<see cref="ISandboxSession.WriteFileAsync"/>) still write only the workspace.
/// </summary>
public sealed record SandboxMount(string HostPath, string? SandboxPath = null, bool ReadOnly = false)
{
    public string Target => SandboxPath ?? Path.GetFullPath(HostPath);
}
