using SweLego.Environments;
using SweLego.Environments.Backends;
using SweLego.Environments.Build;

namespace SweLego.Tasks;

/// <summary>
/// The environment a task instance was validated in: the spec (its hash is the instance's
/// <c>version</c>), the backend, and where the built environment lives: the virtualenv as the
/// sandbox sees it (<see cref="VenvDirectory"/>), inside <see cref="Image"/> (docker) or mounted
/// from <see cref="EnvironmentFolder"/> (bwrap), and the <see cref="Workdir"/> the repository must
/// be at. <see cref="RepositoryMirror"/> holds the repository's history so later stages can build
/// workspaces from the run folder alone. Host paths are relative to the run folder (see
/// <see cref="Locate"/>), so a run folder can be moved or copied to another machine.
/// </summary>
public sealed record TaskEnvironment(
    string Id, string Backend, EnvironmentSpec Spec, string? Image, string VenvDirectory, string RepositoryMirror, string Workdir)
{
    /// <summary>How the project was installed (pip, or the source install when pip could not build it offline).</summary>
    public EnvironmentInstall Install { get; init; } = EnvironmentInstall.Pip;

    /// <summary>The host folder of a local environment, relative to the run folder; null for an image.</summary>
    public string? EnvironmentFolder { get; init; }

    /// <summary>The repository mirror's host path for a run folder at <paramref name="runDirectory"/>.</summary>
    public string MirrorPath(string runDirectory) => Path.GetFullPath(Path.Combine(runDirectory, RepositoryMirror));

    /// <summary>Where the environment is, for a run folder at <paramref name="runDirectory"/>.</summary>
    public EnvironmentLocation Locate(string runDirectory) =>
        new(VenvDirectory, Image, EnvironmentFolder is { } folder ? Path.GetFullPath(Path.Combine(runDirectory, folder)) : null);
}
