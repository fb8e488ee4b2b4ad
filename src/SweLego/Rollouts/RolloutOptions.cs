using SweLego.Agent;
using SweLego.Models;
using SweLego.Sandboxes.Docker;

namespace SweLego.Rollouts;

/// <summary>What <c>swelego rollout</c> runs; <see cref="Validate"/> names a bad setting.</summary>
public sealed record RolloutOptions
{
    /// <summary>SweLego instances (a run's instances.jsonl, or any JSONL/JSON/Parquet file of them).</summary>
    public required string InstancesPath { get; init; }

    public required ModelClientOptions Model { get; init; }

    public AgentOptions Agent { get; init; } = new();

    /// <summary>Rollouts per instance (ids 0 to K − 1).</summary>
    public int K { get; init; } = 1;

    /// <summary>Rollouts at once, each in its own sandbox.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Native function calling instead of the text protocol.</summary>
    public bool NativeTools { get; init; }

    /// <summary>Only these instance ids (all when empty).</summary>
    public IReadOnlyList<string> InstanceIds { get; init; } = [];

    /// <summary>How long a command may print nothing before the agent gets its output so far (the released evaluation: 30 s).</summary>
    public TimeSpan NoOutputTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public DockerBackendOptions Docker { get; init; } = new();

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(InstancesPath);
        Model.Validate();
        Agent.Validate();
        if (K is < 1 or > 1000) throw new ArgumentException($"K must be from 1 to 1000 (got {K}).");
        if (Jobs is < 1 or > 256) throw new ArgumentException($"Jobs must be from 1 to 256 (got {Jobs}).");
        if (NoOutputTimeout <= TimeSpan.Zero) throw new ArgumentException("NoOutputTimeout must be positive.");
    }
}
