namespace SweLego.Sandboxes.Bwrap;

/// <summary>Options of the bubblewrap backend.</summary>
public sealed record BwrapOptions
{
    /// <summary>The bwrap executable (Debian package <c>bubblewrap</c>).</summary>
    public string BwrapPath { get; init; } = "/usr/bin/bwrap";

    /// <summary>PATH inside the sandbox; the host's system directories, not the caller's PATH, so runs are reproducible.</summary>
    public string SandboxPath { get; init; } = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
}
