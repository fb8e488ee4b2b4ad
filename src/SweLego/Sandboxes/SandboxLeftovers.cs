using SweLego.Sandboxes.Bwrap;
using SweLego.Sandboxes.Docker;

namespace SweLego.Sandboxes;

/// <summary>
/// What sandboxes of swelego processes that are gone (killed with SIGKILL, a lost node) left
/// behind, on every backend: bwrap cgroups and scratch folders, Docker containers and volumes.
/// Every swelego start calls <see cref="ReapAsync"/>; it never fails the start.
/// </summary>
public static class SandboxLeftovers
{
    /// <summary>
    /// Removes the leftovers of owners that are gone; returns how many things were removed. Once
    /// per process: the backends' own first-session reap then has nothing left to do.
    /// </summary>
    public static async Task<int> ReapAsync(string? dockerEndpoint, CancellationToken cancellationToken = default) =>
        BwrapLeftovers.ReapOnce() + await DockerLeftovers.ReapOnceAsync(new DockerBackendOptions { Endpoint = dockerEndpoint }, cancellationToken);
}
