namespace SweLego.Tasks.Git;

/// <summary>
/// One leak found by <see cref="HistoryAudit"/>. <see cref="Name"/> identifies the thing (a ref
/// name, a remote, an object id, a file under .git); <see cref="Description"/> is a sentence a
/// person can act on. Commit leaks also carry the commit's date and subject.
/// </summary>
public sealed record AuditLeak(LeakKind Kind, string Name, string Description)
{
    /// <summary>The object the leak is about (commit, tag target, ref value), when there is one.</summary>
    public string? ObjectId { get; init; }

    /// <summary>Committer date of a leaked commit, or creation date of a leaked tag.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Subject line of a leaked commit.</summary>
    public string? Subject { get; init; }

    public override string ToString() => $"{Kind}: {Description}";
}
