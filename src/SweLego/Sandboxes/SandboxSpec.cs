namespace SweLego.Sandboxes;

/// <summary>
/// What to sandbox. Either a host directory (<see cref="HostWorkspace"/>, mounted read-write)
/// or a container image whose <see cref="Workdir"/> becomes the writable workspace
/// (docker only). Everything else in the sandbox is read-only.
/// </summary>
public sealed record SandboxSpec
{
    /// <summary>Host directory mounted read-write as the workspace; null for an image-only session.</summary>
    public string? HostWorkspace { get; init; }

    /// <summary>Container image (docker backend). The bwrap backend runs on the host's own root file system.</summary>
    public string? Image { get; init; }

    /// <summary>
    /// Workspace path inside the sandbox. Defaults to <see cref="HostWorkspace"/> (bwrap), the
    /// image's working directory, or <c>/workspace</c>.
    /// </summary>
    public string? Workdir { get; init; }

    /// <summary>Extra environment variables for the shell.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>More host directories to mount, read-write or read-only.</summary>
    public IReadOnlyList<SandboxMount> Mounts { get; init; } = [];

    /// <summary>Resource limits.</summary>
    public SandboxLimits Limits { get; init; } = SandboxLimits.Default;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public void Validate()
    {
        if (HostWorkspace is null && Image is null)
            throw new ArgumentException("A sandbox needs a host workspace directory or a container image.");
        if (HostWorkspace is not null && !Directory.Exists(HostWorkspace))
            throw new ArgumentException($"Workspace directory '{HostWorkspace}' does not exist.");
        if (HostWorkspace is not null)
        {
            // Create and delete a file: a read-only file system, an immutable folder or missing
            // permissions would otherwise surface as odd failures of the first command.
            string probe = Path.Combine(HostWorkspace, $".swelego-write-check-{Guid.NewGuid():N}");
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException(
                    $"Workspace directory '{HostWorkspace}' is not writable ({e.Message.TrimEnd('.')}); the sandbox needs a workspace it can write.", e);
            }
        }

        if (Workdir is not null && !Workdir.StartsWith('/'))
            throw new ArgumentException($"Workdir '{Workdir}' must be an absolute path inside the sandbox.");
        foreach (var mount in Mounts)
        {
            if (!Directory.Exists(mount.HostPath)) throw new ArgumentException($"Mount source '{mount.HostPath}' does not exist.");
            if (!mount.Target.StartsWith('/') || mount.Target == "/") throw new ArgumentException($"Mount target '{mount.Target}' must be an absolute path other than /.");
        }

        Limits.Validate();
    }
}
