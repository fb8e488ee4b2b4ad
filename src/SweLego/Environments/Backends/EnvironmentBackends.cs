using SweLego.Environments.Build;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Sandboxes.Docker;

namespace SweLego.Environments.Backends;

/// <summary>Makes the environment backend once, from its name (<c>--backend</c>).</summary>
public static class EnvironmentBackends
{
    /// <exception cref="ArgumentException">An unknown name; the message lists the known ones.</exception>
    public static IEnvironmentBackend Create(string name, DockerBackendOptions? docker = null, DockerEnvironmentOptions? images = null) => name switch
    {
        SandboxBackends.Bwrap => new BwrapEnvironmentBackend(new BwrapOptions { DockerEndpoint = docker?.Endpoint }),
        SandboxBackends.Docker => new DockerEnvironmentBackend(docker ?? new DockerBackendOptions(), images),
        _ => throw new ArgumentException($"Unknown backend '{name}' (use {string.Join(" or ", SandboxBackends.Names)})."),
    };
}
