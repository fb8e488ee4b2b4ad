using System.Text.Json.Serialization;

namespace SweLego.Sandboxes.Probes;

/// <summary>One probe's outcome on one backend, with the commands it ran (inspectable, repeatable by hand).</summary>
public sealed record SandboxProbeResult
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required string Backend { get; init; }
    public required ProbeStatus Status { get; init; }

    /// <summary>One line: what was seen.</summary>
    public required string Evidence { get; init; }

    public required double DurationSeconds { get; init; }

    /// <summary>The sandbox commands, in the order they ran.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    [JsonIgnore]
    public bool IsContained => Status == ProbeStatus.Contained;
}
