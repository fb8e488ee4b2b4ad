using System.Collections.Immutable;

namespace SweLego.Runs;

/// <summary>
/// The contents of <c>runs/&lt;run-id&gt;/manifest.json</c>: who created the run, when, with
/// which command, and how far each stage got.
/// </summary>
public sealed record RunManifest
{
    /// <summary>
    /// The manifest format this build writes and the newest it can read. Bump it when a change
    /// is not backward compatible; readers refuse manifests with a newer version.
    /// </summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required string RunId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When any part of the manifest last changed; lets the dashboard spot live runs.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public required string ToolVersion { get; init; }

    public ImmutableArray<string> CommandLine { get; init; } = [];

    /// <summary>Set when <see cref="RunRepair"/> rebuilt this manifest: the name the unreadable one was kept under.</summary>
    public string? RebuiltFrom { get; init; }

    public ImmutableSortedDictionary<string, StageRecord> Stages { get; init; } =
        ImmutableSortedDictionary.Create<string, StageRecord>(StringComparer.Ordinal);

    /// <summary>The stage's section, or a pending one if the stage has not run yet.</summary>
    public StageRecord Stage(string name) =>
        Stages.TryGetValue(name, out var stage) ? stage : new StageRecord();
}
