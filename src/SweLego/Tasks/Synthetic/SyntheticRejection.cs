using SweLego.Runs;

namespace SweLego.Tasks.Synthetic;

/// <summary>A bug candidate that did not become an instance, with the reason (and a log excerpt as evidence).</summary>
public sealed record SyntheticRejection : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    /// <summary>The instance id the candidate would have had; the resume key.</summary>
    public required string CandidateId { get; init; }

    public required SyntheticBug Bug { get; init; }

    public required SyntheticRejectionKind Kind { get; init; }

    public required string Reason { get; init; }

    public string? Evidence { get; init; }

    /// <summary>Seconds spent on this candidate's test runs.</summary>
    public double TestSeconds { get; init; }
}
