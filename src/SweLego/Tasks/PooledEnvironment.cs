using SweLego.Environments;
using SweLego.Environments.Build;

namespace SweLego.Tasks;

/// <summary>A built (or failed) environment of the pool, the commit it was built from, and how long that took.</summary>
internal sealed record PooledEnvironment(EnvironmentSpec Spec, EnvironmentBuildResult Build, string SetupCommit, TimeSpan BuildTime)
{
    public string Id => Spec.ContentHash;
}
