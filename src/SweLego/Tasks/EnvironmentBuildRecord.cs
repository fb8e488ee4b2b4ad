using SweLego.Runs;

namespace SweLego.Tasks;

/// <summary>One line of <c>RUN/environments/builds.jsonl</c>: an environment a stage built or found already built.</summary>
public sealed record EnvironmentBuildRecord : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    /// <summary>The spec hash.</summary>
    public required string Id { get; init; }

    public required string Backend { get; init; }

    /// <summary>The commit it was built from.</summary>
    public required string Commit { get; init; }

    public required bool Success { get; init; }

    /// <summary>True when an earlier build (of this or another stage) was reused.</summary>
    public required bool Reused { get; init; }

    public required double Seconds { get; init; }
}
