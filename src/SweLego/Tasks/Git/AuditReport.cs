namespace SweLego.Tasks.Git;

/// <summary>
/// The result of auditing a workspace. <see cref="BaseCommit"/> is null for a synthetic task,
/// where the only allowed history is HEAD's single root commit.
/// </summary>
public sealed record AuditReport(
    string RepositoryPath,
    string HeadCommit,
    string? BaseCommit,
    IReadOnlyList<AuditLeak> Leaks,
    int ObjectsScanned)
{
    public bool IsClean => Leaks.Count == 0;

    /// <summary>Leaked commits (reachable or dangling), newest first.</summary>
    public IEnumerable<AuditLeak> LeakedCommits => Leaks.Where(l => l.Kind == LeakKind.Commit);

    /// <summary>One line per leak, or a single "clean" line; what <c>swelego env audit</c> prints.</summary>
    public string Describe() =>
        IsClean
            ? $"clean: {RepositoryPath} at {HeadCommit[..Math.Min(12, HeadCommit.Length)]}, {ObjectsScanned} objects scanned, no leaks"
            : string.Join('\n', [$"{Leaks.Count} leak(s) in {RepositoryPath}:", .. Leaks.Select(l => "  " + l)]);
}
