using SweLego.Runs;

namespace SweLego.Curation.Import;

/// <summary>
/// One trajectory brought in by <c>swelego import</c>: a line of <c>RUN/import/imported.jsonl</c>. The trajectory itself
/// is converted to our format (<see cref="Agent.Trajectories.Trajectory"/>, at <see cref="Trajectory"/>), so curation,
/// masking and export treat it like one of our rollouts; the label says how (and whether) it was evaluated.
/// </summary>
public sealed record ImportedRecord : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public required string InstanceId { get; init; }

    /// <summary>Unique per instance within the run (the source's own id when it has one, else <c>h</c> + 12 hex digits of the converted messages' SHA-256).</summary>
    public required string RolloutId { get; init; }

    /// <summary><c>owner/name</c>; taken from the record, else from a SWE-bench style instance id (<c>owner__name-123</c>), else empty.</summary>
    public required string Repo { get; init; }

    /// <summary>The importer: <c>openhands</c>, <c>swe-agent</c>, <c>mini-swe-agent</c> or <c>messages</c>.</summary>
    public required string Format { get; init; }

    /// <summary>Where it came from: <c>path:line</c> (JSONL), <c>path#row</c> (Parquet) or the file's path.</summary>
    public required string Origin { get; init; }

    public required string ModelNameOrPath { get; init; }

    /// <summary>The final patch when the source has one (empty when not).</summary>
    public string ModelPatch { get; init; } = "";

    /// <summary>True/false when a label was found; null = unevaluated.</summary>
    public bool? Resolved { get; init; }

    /// <summary>How <see cref="Resolved"/> was obtained (<c>swe-bench report.json</c>, <c>openhands report.json</c>,
    /// <c>openhands test_result</c>, <c>dataset resolved column</c>, …); null when unevaluated.</summary>
    public string? LabelSource { get; init; }

    /// <summary>Assistant turns.</summary>
    public required int Turns { get; init; }

    /// <summary>Tool calls that do not map onto our four tools: kept verbatim in the conversation and counted here.</summary>
    public int UnmappedCalls { get; init; }

    /// <summary>The converted trajectory, relative to the run folder (<c>import/trajectories/&lt;instance&gt;/&lt;rollout&gt;.json</c>).</summary>
    public required string Trajectory { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => Evaluation.EvaluationKeys.Key(InstanceId, RolloutId);
}
