namespace SweLego.Environments.Build;

/// <summary>
/// An environment image as <see cref="EnvironmentImageCache"/> sees it. <see cref="Bytes"/> is what
/// removing it would free now: its size minus the layers other images share (the base image,
/// above all); <see cref="LastUsed"/> orders removal (oldest first).
/// </summary>
/// <param name="Id">Image id (sha256:…).</param>
/// <param name="Tags">Its repo:tag names; empty for an untagged image.</param>
/// <param name="SpecHash">The value of its swelego.environment label (empty when it has none).</param>
/// <param name="LastUsed">Metadata.LastTagTime (refreshed by each build or reuse), else the creation time.</param>
/// <param name="SizeBytes">Every layer, shared ones included (the daemon's Size).</param>
/// <param name="Bytes">Unique bytes: SizeBytes − SharedSize (SizeBytes when the daemon could not say).</param>
/// <param name="Containers">Containers (running or stopped) using the image; -1 when the daemon could not say.</param>
public sealed record EnvironmentImage(
    string Id, IReadOnlyList<string> Tags, string SpecHash, DateTimeOffset LastUsed, long SizeBytes, long Bytes, int Containers = -1)
{
    /// <summary>The first tag, else the short id: how the image is shown.</summary>
    public string Name => Tags.Count > 0 ? Tags[0] : ShortId;

    public string ShortId => Id.StartsWith("sha256:", StringComparison.Ordinal) ? Id[7..Math.Min(Id.Length, 19)] : Id[..Math.Min(Id.Length, 12)];
}
