namespace SweLego.Sandboxes.Docker;

/// <summary>Options of the Docker backend.</summary>
public sealed record DockerBackendOptions
{
    /// <summary>The base image built by <c>.ci/build-base-image.sh</c> (Debian bookworm with python3 with pytest, venv, pip and setuptools, git).</summary>
    public const string BaseImage = "swelego/base:bookworm-2";

    /// <summary>Docker Engine endpoint; null uses DOCKER_HOST or <c>unix:///var/run/docker.sock</c>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Image used when the spec names none.</summary>
    public string DefaultImage { get; init; } = BaseImage;

    /// <summary>Size of the private /tmp (a tmpfs; it counts against the memory limit).</summary>
    public string TmpSize { get; init; } = "1g";
}
