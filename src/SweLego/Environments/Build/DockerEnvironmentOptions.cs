namespace SweLego.Environments.Build;

/// <summary>Options of <see cref="DockerEnvironmentBuilder"/> beyond the Docker backend's own.</summary>
public sealed record DockerEnvironmentOptions
{
    /// <summary>
    /// When set, every build (or reuse) ends with <see cref="EnvironmentImageCache.PruneAsync"/> down to
    /// this many bytes, keeping the image just built. Null (the default): images are never removed.
    /// </summary>
    public long? ImageBudgetBytes { get; init; }

    /// <summary>Which images the budget covers, "key" or "key=value"; default every environment image.</summary>
    public string PruneLabelFilter { get; init; } = EnvironmentImageCache.LabelKey;

    /// <summary>Labels added to built images besides swelego.environment (e.g. to tell test images apart).</summary>
    public IReadOnlyDictionary<string, string> ExtraLabels { get; init; } = new Dictionary<string, string>();
}
