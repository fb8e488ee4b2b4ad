using System.Text.Json;
using System.Text.Json.Serialization;
using SweLego.Agent.Trajectories;
using SweLego.Runs;

namespace SweLego.Rollouts;

/// <summary>
/// One line of <c>RUN/rollout/predictions.jsonl</c>: a prediction in the shape <c>swelego eval</c> and the SWE-bench
/// harness read (<c>instance_id</c>, <c>rollout_id</c>, <c>model_name_or_path</c>, <c>model_patch</c>), with the
/// rollout's summary and the path of its trajectory (relative to the run folder).
/// </summary>
public sealed record RolloutRecord : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public required string InstanceId { get; init; }

    public required string RolloutId { get; init; }

    public required string ModelNameOrPath { get; init; }

    public string ModelPatch { get; init; } = "";

    /// <summary>The episode's end (<see cref="RolloutStatus"/> as snake_case), or null when no episode ran (<see cref="Error"/>).</summary>
    public RolloutStatus? Status { get; init; }

    public string? StatusDetail { get; init; }

    /// <summary>Why no trajectory exists (the workspace or sandbox could not be made); the stage tries it again on resume.</summary>
    public string? Error { get; init; }

    public int Turns { get; init; }

    public int PromptTokens { get; init; }

    public int CompletionTokens { get; init; }

    /// <summary>Replies whose call could not be processed (kept in the trajectory, to be masked).</summary>
    public int MalformedCalls { get; init; }

    /// <summary>Calls run after a repair.</summary>
    public int RepairedCalls { get; init; }

    public double Seconds { get; init; }

    public string? Trajectory { get; init; }

    /// <summary>How the rollout ended, for tables: the status (snake_case), or <c>error</c> when no episode ran.</summary>
    [JsonIgnore]
    public string Outcome => Status is { } status ? JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString()) : "error";

    /// <summary>The stage key: <c>instance#rollout</c>.</summary>
    [JsonIgnore]
    public string Key => Evaluation.EvaluationKeys.Key(InstanceId, RolloutId);
}
