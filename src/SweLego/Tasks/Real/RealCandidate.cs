namespace SweLego.Tasks.Real;

/// <summary>
/// A change that may become a real task: a commit, or a merged PR (<see cref="PrNumber"/>),
/// as the diff from <see cref="BaseCommit"/> to <see cref="FixCommit"/>.
/// </summary>
public sealed record RealCandidate
{
    /// <summary>The instance id it would get, <c>owner__name-&lt;PR number or 12-hex commit&gt;</c>; the resume key.</summary>
    public required string Id { get; init; }

    public required string BaseCommit { get; init; }

    public required string FixCommit { get; init; }

    /// <summary><c>commit</c> or <c>pr</c>.</summary>
    public required string Source { get; init; }

    public int? PrNumber { get; init; }

    /// <summary>When the fix was made: the PR's creation time, or the commit's author date.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The fix commit's committer date, which orders candidates (newest first).</summary>
    public required DateTimeOffset CommittedAt { get; init; }

    public required string ProblemStatement { get; init; }

    /// <summary>True when the statement is only a commit message.</summary>
    public bool ProblemStatementWeak { get; init; }

    public string HintsText { get; init; } = "";

    /// <summary>Changed files, repository-relative.</summary>
    public required IReadOnlyList<string> ChangedFiles { get; init; }
}
