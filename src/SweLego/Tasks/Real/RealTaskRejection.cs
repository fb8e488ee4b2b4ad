using SweLego.Runs;

namespace SweLego.Tasks.Real;

/// <summary>A candidate that did not become an instance, with the reason and the evidence (a log excerpt).</summary>
public sealed record RealTaskRejection : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    /// <summary>The candidate's id (the instance id it would have had), or <c>prs.jsonl:LINE</c> for an unusable PR record.</summary>
    public required string CandidateId { get; init; }

    public string? FixCommit { get; init; }

    public string? BaseCommit { get; init; }

    public required RejectionKind Kind { get; init; }

    /// <summary>One line for people.</summary>
    public required string Reason { get; init; }

    /// <summary>What proves it, e.g. the last lines of the test log.</summary>
    public string? Evidence { get; init; }

    public TaskTimings? Timings { get; init; }
}
