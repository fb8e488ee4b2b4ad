namespace SweLego.Environments.Build;

/// <summary>What <see cref="EnvironmentImageCache.PruneAsync"/> did with one image.</summary>
public enum ImagePruneOutcome
{
    /// <summary>Left alone: the total was within the budget before its turn came.</summary>
    Kept,

    /// <summary>Named in the keep list (e.g. the image just built); never removed.</summary>
    Protected,

    /// <summary>The daemon refused to remove it (409): a container, running or stopped, uses it (the entry's reason says).</summary>
    InUse,

    /// <summary>Removed (or, in a dry run, would have been).</summary>
    Removed,
}
