namespace SweLego.Sandboxes.Docker;

/// <summary>Options of the Docker backend. Sizes of /tmp and /dev/shm come from <see cref="SandboxLimits"/>.</summary>
public sealed record DockerBackendOptions
{
    /// <summary>The base image built by <c>scripts/setup.sh</c> (Debian bookworm with python3 with pytest, venv, pip and setuptools, git).</summary>
    public const string BaseImage = "swelego/base:bookworm-3";

    /// <summary>Docker Engine endpoint, unix:///path or tcp://host:port; null uses DOCKER_HOST or <see cref="DockerEndpoint.Default"/>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Image used when the spec names none.</summary>
    public string DefaultImage { get; init; } = BaseImage;
}
