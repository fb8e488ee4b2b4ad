namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>Where and how <see cref="DockerEngineClient"/> talks to the Docker daemon.</summary>
public sealed class DockerEngineOptions
{
    /// <summary>The endpoint used when neither <see cref="Endpoint"/> nor DOCKER_HOST is set.</summary>
    public const string DefaultEndpoint = "unix:///var/run/docker.sock";

    /// <summary>
    /// <c>unix:///path/to/docker.sock</c> or <c>tcp://host:port</c> (plain HTTP, no TLS).
    /// Default: null, meaning the DOCKER_HOST environment variable, else <see cref="DefaultEndpoint"/>.
    /// </summary>
    public string? Endpoint { get; init; }

    /// <summary>
    /// Engine API version put in front of every path. Default "1.41" (Docker 20.10), the oldest
    /// daemon we support; newer daemons still serve it.
    /// </summary>
    public string ApiVersion { get; init; } = "1.41";
}
