namespace SweLego.Runs;

/// <summary>What <see cref="RunRepair.Rebuild"/> did.</summary>
/// <param name="ManifestPath">The new manifest.</param>
/// <param name="Problem">Why the old one could not be read.</param>
/// <param name="KeptAs">Where the unreadable file was moved, or null when there was none.</param>
/// <param name="Manifest">The rebuilt manifest.</param>
public sealed record RunRepairResult(string ManifestPath, string Problem, string? KeptAs, RunManifest Manifest);
