namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>The parts of GET /images/{name}/json a sandbox needs to start a shell like the image would.</summary>
public sealed record ImageInfo
{
    public required string Id { get; init; }

    public required IReadOnlyList<string> RepoTags { get; init; }

    /// <summary>Config.WorkingDir; empty when the image sets none (the container then starts in /).</summary>
    public required string WorkingDir { get; init; }

    /// <summary>Config.Env as KEY=VALUE strings, in image order.</summary>
    public required IReadOnlyList<string> Env { get; init; }

    public required IReadOnlyList<string> Cmd { get; init; }

    public required IReadOnlyList<string> Entrypoint { get; init; }

    public string? User { get; init; }

    public long SizeBytes { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset? Created { get; init; }

    /// <summary>
    /// Metadata.LastTagTime: when a tag last pointed at this image (a build's -t, a tag request,
    /// even re-tagging with the same name); null when the daemon never recorded one.
    /// </summary>
    public DateTimeOffset? LastTagTime { get; init; }
}
