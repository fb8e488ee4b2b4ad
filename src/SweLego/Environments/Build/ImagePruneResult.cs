using System.Text.Json.Serialization;

namespace SweLego.Environments.Build;

/// <summary>
/// The outcome of <see cref="EnvironmentImageCache.PruneAsync"/>: every image considered, least
/// recently used first, with what happened to it, and the environment images' unique bytes (see
/// <see cref="EnvironmentImage.Bytes"/>) before and after. In a dry run <see cref="BytesAfter"/> is
/// the estimate had the removals happened. <see cref="OverBudget"/> is true when the keep list and
/// images in use left the total above the budget.
/// </summary>
public sealed record ImagePruneResult(
    long BudgetBytes, bool DryRun, long BytesBefore, long BytesAfter, IReadOnlyList<ImagePruneEntry> Images)
{
    [JsonIgnore]
    public IReadOnlyList<EnvironmentImage> Removed => Select(ImagePruneOutcome.Removed);

    [JsonIgnore]
    public IReadOnlyList<EnvironmentImage> InUse => Select(ImagePruneOutcome.InUse);

    /// <summary>Every image still there (or, in a dry run, that would be): kept, protected or in use.</summary>
    [JsonIgnore]
    public IReadOnlyList<EnvironmentImage> Remaining => [.. Images.Where(e => e.Outcome != ImagePruneOutcome.Removed).Select(e => e.Image)];

    public long BytesFreed => BytesBefore - BytesAfter;

    public bool OverBudget => BytesAfter > BudgetBytes;

    private List<EnvironmentImage> Select(ImagePruneOutcome outcome) => [.. Images.Where(e => e.Outcome == outcome).Select(e => e.Image)];
}
