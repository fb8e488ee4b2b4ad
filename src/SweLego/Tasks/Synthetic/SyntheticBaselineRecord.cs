using System.Text.Json;
using SweLego.Runs;
using SweLego.Tasks.Harness;

namespace SweLego.Tasks.Synthetic;

/// <summary>
/// <c>baseline.json</c> of a synthetic run: the clean suite's stable statuses and flaky tests, and
/// what they were measured on (commit, environment spec hash and backend, number of runs). A
/// resumed run with the same key reuses it (and <c>coverage.json</c>) instead of running the
/// suite again; anything else (another commit, a changed environment, an older format, an
/// unreadable file) runs the baseline anew.
/// </summary>
internal sealed record SyntheticBaselineRecord : IVersionedRecord
{
    public const int FormatVersion = 2;

    public int V { get; init; } = FormatVersion;

    public required string Commit { get; init; }

    /// <summary><see cref="Environments.EnvironmentSpec.ContentHash"/> of the environment the suite ran in.</summary>
    public required string EnvironmentHash { get; init; }

    public required string Backend { get; init; }

    /// <summary>Clean runs (<see cref="TaskMiningOptions.Runs"/>): more runs can find more flaky tests.</summary>
    public required int Runs { get; init; }

    public required IReadOnlyDictionary<string, TestStatus> Statuses { get; init; }

    public required IReadOnlyList<string> Flaky { get; init; }

    /// <summary>The tests passing in every clean run (for people; <see cref="Statuses"/> holds the same).</summary>
    public required IReadOnlyList<string> Passing { get; init; }

    /// <summary>The slowest clean run: a candidate's time limit derives from it.</summary>
    public required double SlowestRunSeconds { get; init; }

    /// <summary>Whether <paramref name="other"/> was measured on the same commit, environment and number of runs.</summary>
    public bool SameKey(SyntheticBaselineRecord other) =>
        other.Commit == Commit && other.EnvironmentHash == EnvironmentHash && other.Backend == Backend && other.Runs == Runs;

    /// <summary>The record at <paramref name="path"/>, or null when there is none or it cannot be used (then the baseline runs again).</summary>
    public static SyntheticBaselineRecord? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var record = JsonSerializer.Deserialize<SyntheticBaselineRecord>(File.ReadAllText(path), RunJson.Options);
            return record?.V == FormatVersion ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public TestBaselineResult ToResult() =>
        new(Statuses, Flaky.ToHashSet(StringComparer.Ordinal), [], null);
}
