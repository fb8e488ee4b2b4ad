namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>GET /version: the daemon's release and the API versions it serves.</summary>
public sealed record DockerVersion(
    string Version, string ApiVersion, string MinApiVersion, string Os, string Arch, string KernelVersion);
