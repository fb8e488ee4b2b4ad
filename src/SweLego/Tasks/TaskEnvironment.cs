using SweLego.Environments;

namespace SweLego.Tasks;

/// <summary>
/// The environment a task instance was validated in: the spec (its hash is the instance's
/// <c>version</c>), the backend, and where the built environment lives: the virtualenv (a host
/// folder with bwrap, a path inside <see cref="Image"/> with docker) and the <see cref="Workdir"/>
/// the repository must be at. <see cref="RepositoryMirror"/> holds the repository's history so
/// later stages can build workspaces from the run folder alone.
/// </summary>
public sealed record TaskEnvironment(
    string Id, string Backend, EnvironmentSpec Spec, string? Image, string VenvDirectory, string RepositoryMirror, string Workdir);
