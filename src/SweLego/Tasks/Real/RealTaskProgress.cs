namespace SweLego.Tasks.Real;

/// <summary>Where a mining run stands: candidates found, done (kept + rejected), and the rejections by reason.</summary>
public sealed record RealTaskProgress(int Candidates, int Done, int Kept, IReadOnlyDictionary<RejectionKind, int> Rejected, string? Current);
