using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SweLego.Models;
using SweLego.Runs;

namespace SweLego.Agent.Trajectories;

/// <summary>
/// One rollout, as written to <c>RUN/rollout/trajectories/&lt;instance&gt;/&lt;rollout&gt;.json</c> after every
/// step (atomically, so a crash leaves the previous step's file). <see cref="Messages"/> is the whole
/// conversation; it only ever grows, so each step names the messages its request sent by count
/// (<see cref="TrajectoryStep.RequestMessages"/>): the first N of <see cref="Messages"/>.
/// </summary>
public sealed record Trajectory : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public required string InstanceId { get; init; }

    public required string RolloutId { get; init; }

    /// <summary>The task's repository (<c>owner/name</c>).</summary>
    public required string Repo { get; init; }

    public required string Model { get; init; }

    /// <summary><c>text</c> or <c>native</c> (<see cref="Protocol.IToolCallProtocol.Name"/>).</summary>
    public required string Protocol { get; init; }

    /// <summary>The tools offered, in order.</summary>
    public required IReadOnlyList<string> Tools { get; init; }

    /// <summary>The base commit the patch is taken against.</summary>
    public required string BaseCommit { get; init; }

    public required TrajectorySettings Settings { get; init; }

    /// <summary><see cref="RolloutStatus"/>; <c>running</c> until the episode ends.</summary>
    public required RolloutStatus Status { get; init; }

    /// <summary>Why the episode ended that way (the model error, the stuck case, the sandbox failure).</summary>
    public string? StatusDetail { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public required IReadOnlyList<TrajectoryMessage> Messages { get; init; }

    public required IReadOnlyList<TrajectoryStep> Steps { get; init; }

    /// <summary>The patch taken from the workspace at the end (empty when nothing changed or the sandbox failed).</summary>
    public string? Patch { get; init; }

    /// <summary>Model calls made (one per turn).</summary>
    [JsonIgnore]
    public int Turns => Steps.Count;

    [JsonIgnore]
    public int PromptTokens => Steps.Sum(s => s.Reply.Usage?.PromptTokens ?? 0);

    [JsonIgnore]
    public int CompletionTokens => Steps.Sum(s => s.Reply.Usage?.CompletionTokens ?? 0);
}

/// <summary>The episode settings a trajectory was made with (for reproducing it and for reports).</summary>
public sealed record TrajectorySettings(int MaxTurns, double? Temperature, double? TopP, int? MaxTokens, long? Seed, int? ContextWindow);

/// <summary>One message of the conversation as the model was sent it.</summary>
public sealed record TrajectoryMessage(string Role, string Content)
{
    public IReadOnlyList<ModelToolCall>? ToolCalls { get; init; }

    public string? ToolCallId { get; init; }

    public static TrajectoryMessage From(ModelMessage message) =>
        new(message.Role, message.Content) { ToolCalls = message.ToolCalls, ToolCallId = message.ToolCallId };

    public ModelMessage ToModel() => new(Role, Content) { ToolCalls = ToolCalls, ToolCallId = ToolCallId };
}

/// <summary>One turn: the request (by message count), the raw reply, what was parsed and run, and what came back.</summary>
public sealed record TrajectoryStep
{
    /// <summary>1-based turn number.</summary>
    public required int Index { get; init; }

    /// <summary>The request sent the first this-many messages of <see cref="Trajectory.Messages"/>.</summary>
    public required int RequestMessages { get; init; }

    public required StepReply Reply { get; init; }

    /// <summary>The reasoning before the call (text protocol) or the content (native).</summary>
    public string? Reasoning { get; init; }

    /// <summary>The call that was run, after repairs; null when the reply had none or it was malformed.</summary>
    public StepCall? Call { get; init; }

    /// <summary>Why the call could not be processed (the reply is kept as an assistant turn; curation masks it).</summary>
    public string? CallError { get; init; }

    /// <summary>Repairs applied to the call (kind and detail), each also a reason this turn may deserve masking.</summary>
    public IReadOnlyList<StepRepair> Repairs { get; init; } = [];

    /// <summary>What the model was told next: the observation, the error observation or the continue message.</summary>
    public string? Observation { get; init; }

    /// <summary>Seconds the tool ran (sandbox round trips included).</summary>
    public double ToolSeconds { get; init; }
}

/// <summary>A reply as the server sent it, with its cost.</summary>
public sealed record StepReply(string Text, IReadOnlyList<ModelToolCall> ToolCalls, string? FinishReason, ModelUsage? Usage, double LatencySeconds, int Attempts);

public sealed record StepCall(string Name, JsonObject Arguments);

public sealed record StepRepair(string Kind, string Detail);
