namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>
/// One row of GET /images/json (or of the image part of GET /system/df). <see cref="Size"/> counts
/// every layer of the image, including those it shares with other images; <see cref="SharedSize"/>
/// is the part of it other images use too, -1 when the daemon did not compute it (API 1.41 lists
/// report -1; /system/df always computes it). <see cref="Containers"/> is the number of containers
/// using the image, -1 when not computed (only /system/df does).
/// </summary>
public sealed record ImageSummary(
    string Id,
    IReadOnlyList<string> RepoTags,
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset Created,
    long Size,
    long SharedSize,
    int Containers = -1)
{
    /// <summary>The bytes only this image holds (what removing it frees), or null when <see cref="SharedSize"/> is unknown.</summary>
    public long? UniqueSize => SharedSize < 0 ? null : Math.Max(0, Size - SharedSize);
}
