namespace SweLego.Evaluation.Metrics;

/// <summary>
/// How the hack audit shaped the metrics (<c>eval --hack-free</c>): the predictions that resolved but were flagged (left
/// out of the resolve rate: counted as unresolved), and those the audit has no line for (graded as they are).
/// </summary>
/// <param name="Audit">The audit file read (its path).</param>
/// <param name="ResolvedFlagged">Keys (<c>instance#rollout</c>) that resolved and were flagged, with the rules that fired.</param>
/// <param name="NotAudited">Keys the audit has no line for.</param>
/// <param name="ResolveRateWithFlagged">The overall resolve rate had the flagged ones counted.</param>
public sealed record HackFreeReport(string Audit, IReadOnlyDictionary<string, IReadOnlyList<string>> ResolvedFlagged, IReadOnlyList<string> NotAudited, double ResolveRateWithFlagged);
