using SweLego.Sandboxes.Bwrap;

namespace SweLego.Sandboxes;

/// <summary>The built-in backends by their stable names.</summary>
public static class SandboxBackends
{
    public const string Bwrap = "bwrap";
    public const string Docker = "docker";

    public static IReadOnlyList<string> Names { get; } = [Bwrap, Docker];

    /// <param name="dockerEndpoint">Docker Engine endpoint (<c>unix:///var/run/docker.sock</c>, <c>tcp://host:port</c>); null uses DOCKER_HOST or the local socket.</param>
    /// <param name="rootFs">The bwrap sandbox's root file system (folder or tarball); null finds it (see <see cref="BwrapOptions.RootFs"/>).</param>
    public static ISandboxBackend Create(string name, string? dockerEndpoint = null, string? rootFs = null) => name switch
    {
        Bwrap => new BwrapBackend(new BwrapOptions { RootFs = rootFs, DockerEndpoint = dockerEndpoint }),
        Docker => new Docker.DockerBackend(new Docker.DockerBackendOptions { Endpoint = dockerEndpoint }),
        _ => throw new ArgumentException($"Unknown sandbox backend '{name}'; choose one of: {string.Join(", ", Names)}."),
    };
}
