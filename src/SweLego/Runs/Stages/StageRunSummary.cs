using System.Text.Json.Serialization;

namespace SweLego.Runs.Stages;

/// <summary>
/// One session of a stage's items, as <see cref="StageRunner.RunAsync"/> returns it and writes it to
/// <c>RUN/stage/summary.json</c> (replaced by every session). <see cref="Counts"/> are all of the
/// stage's records by outcome (earlier sessions included, each key once), <see cref="SessionCounts"/>
/// this session's.
/// </summary>
public sealed record StageRunSummary : IVersionedRecord
{
    public const int FormatVersion = 1;

    public const string FileName = "summary.json";

    public int V { get; init; } = FormatVersion;

    public required string Stage { get; init; }

    public required StageRunStatus Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required double ElapsedSeconds { get; init; }

    /// <summary>Time spent processing the items recorded in this session, summed over jobs (retries included).</summary>
    public required double ItemSeconds { get; init; }

    /// <summary>Items of this session (settled results included).</summary>
    public required int Total { get; init; }

    /// <summary>Items done in earlier sessions, not processed again.</summary>
    public required int Skipped { get; init; }

    /// <summary>Items recorded in this session.</summary>
    public required int Processed { get; init; }

    /// <summary>Items tried again at once after an error in this session (<see cref="StageRunOptions.ErrorRetries"/>).</summary>
    public required int Retried { get; init; }

    /// <summary>Items not done: left by --max or an interruption, for a later session.</summary>
    public int Remaining => Total - Skipped - Processed;

    public required int Jobs { get; init; }

    public int? Max { get; init; }

    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    public required IReadOnlyDictionary<string, int> SessionCounts { get; init; }

    /// <summary>The keys of <see cref="Skipped"/> items.</summary>
    [JsonIgnore]
    public IReadOnlySet<string> SkippedKeys { get; init; } = new HashSet<string>();

    /// <summary>Every recorded key's outcome (all sessions; keys of other sessions' items too).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Outcomes { get; init; } = new Dictionary<string, string>();

    /// <summary>Where this summary was written.</summary>
    [JsonIgnore]
    public string Path { get; init; } = "";

    /// <summary>The count of <paramref name="outcome"/> among all records; 0 when none.</summary>
    public int Count(string outcome) => Counts.GetValueOrDefault(outcome);
}
