namespace SweLego.Environments.Build;

/// <summary>One image of a prune and what happened to it; <see cref="Reason"/> is the daemon's message for <see cref="ImagePruneOutcome.InUse"/>.</summary>
public sealed record ImagePruneEntry(EnvironmentImage Image, ImagePruneOutcome Outcome, string? Reason = null);
