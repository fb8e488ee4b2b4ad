using SweLego.Sandboxes.Docker;
using SweLego.Tasks.Harness;

namespace SweLego.Evaluation;

/// <summary>What <see cref="TaskValidation"/> checks and how; the limits are <see cref="EvaluationOptions"/>'s.</summary>
public sealed record TaskValidationOptions
{
    /// <summary>Only these instances; null or empty: all of the run's.</summary>
    public IReadOnlyCollection<string>? InstanceIds { get; init; }

    public int Jobs { get; init; } = 1;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1800);

    public HarnessVersion Harness { get; init; } = HarnessVersions.Default;

    public DockerBackendOptions Docker { get; init; } = new();
}
