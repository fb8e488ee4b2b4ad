using SweLego.Environments;
using SweLego.Environments.Build;

namespace SweLego.Tasks;

/// <summary>
/// The environment a task instance was validated in: the spec (its hash is the instance's
/// <c>version</c>), the backend, and where the built environment lives: the virtualenv (a host
/// folder with bwrap, a path inside <see cref="Image"/> with docker) and the <see cref="Workdir"/>
/// the repository must be at. <see cref="RepositoryMirror"/> holds the repository's history so
/// later stages can build workspaces from the run folder alone.
/// </summary>
public sealed record TaskEnvironment(
    string Id, string Backend, EnvironmentSpec Spec, string? Image, string VenvDirectory, string RepositoryMirror, string Workdir)
{
    /// <summary>How the project was installed (pip, or the source install when pip could not build it offline).</summary>
    public EnvironmentInstall Install { get; init; } = EnvironmentInstall.Pip;
}
