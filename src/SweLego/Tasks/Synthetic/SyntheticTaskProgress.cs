namespace SweLego.Tasks.Synthetic;

/// <summary>Where a synthetic run stands: the phase, candidates generated and done, instances kept, rejections by reason.</summary>
public sealed record SyntheticTaskProgress(string Phase, int Candidates, int Done, int Kept, IReadOnlyDictionary<SyntheticRejectionKind, int> Rejected);
