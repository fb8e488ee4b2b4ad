namespace SweLego.Tasks.Git;

/// <summary>
/// What <see cref="HistorySanitizer.SanitizeForRealTaskAsync"/> did and the audit that proves
/// the result (always clean: a workspace that still leaks throws instead).
/// </summary>
public sealed record SanitizationResult(
    string BaseCommit,
    string Branch,
    IReadOnlyList<string> RemovedRemotes,
    IReadOnlyList<string> DeletedRefs,
    IReadOnlyList<string> KeptTags,
    AuditReport Audit);
