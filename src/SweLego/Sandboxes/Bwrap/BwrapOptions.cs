namespace SweLego.Sandboxes.Bwrap;

/// <summary>Options of the bubblewrap backend.</summary>
public sealed record BwrapOptions
{
    /// <summary>The bwrap executable (Debian package <c>bubblewrap</c>).</summary>
    public string BwrapPath { get; init; } = "/usr/bin/bwrap";

    /// <summary>PATH inside the sandbox: the root file system's system directories, not the caller's PATH.</summary>
    public string SandboxPath { get; init; } = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>
    /// The sandbox's root file system: a folder or a tarball (.tar, .tar.gz). Null uses
    /// <c>$SWELEGO_ROOTFS</c>, else the Docker base image's content unpacked into
    /// <see cref="RootFsCache"/>, else the last root file system prepared there
    /// (<c>swelego sandbox rootfs</c>). The host's own / is never used.
    /// </summary>
    public string? RootFs { get; init; }

    /// <summary>Where unpacked root file systems are kept, by content id (default <c>~/.cache/swelego/rootfs</c>).</summary>
    public string RootFsCache { get; init; } = RootFileSystems.DefaultCache;

    /// <summary>Docker endpoint asked for the base image's content (null: DOCKER_HOST or the local socket).</summary>
    public string? DockerEndpoint { get; init; }

    /// <summary>The user id commands run as inside the sandbox (its own user namespace; no capabilities).</summary>
    public int SandboxUid { get; init; } = 1000;
}
