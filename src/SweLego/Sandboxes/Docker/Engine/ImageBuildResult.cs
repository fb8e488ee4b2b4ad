namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>
/// Outcome of an image build. A failing Dockerfile step is an expected result, not an exception:
/// <see cref="Succeeded"/> is false, <see cref="Error"/> holds the daemon's message and
/// <see cref="Log"/> the build output (its tail, when very long).
/// </summary>
public sealed record ImageBuildResult(bool Succeeded, string? ImageId, string? Error, int? ErrorCode, string Log);
