using SweLego.Agent.Trajectories;

namespace SweLego.Curation.Import;

/// <summary>
/// A trajectory converted from another tool, before it gets its place in the run: the conversation in our text protocol
/// (<see cref="TrajectoryBuilder"/>), what the source said about the task (patch, model, label) and how it ended.
/// </summary>
public sealed record SourceTrajectory
{
    public required string InstanceId { get; init; }

    /// <summary>The source's own id for this trajectory (SWE-smith's <c>traj_id</c>, CoderForge's <c>trajectory_id</c>), or null.</summary>
    public string? SourceId { get; init; }

    /// <summary><c>owner/name</c> when the record names it; else taken from the instance id.</summary>
    public string? Repo { get; init; }

    public string? Model { get; init; }

    public string Patch { get; init; } = "";

    /// <summary>The label the record itself carries (an evaluation field or a dataset column), or null.</summary>
    public bool? Resolved { get; init; }

    public string? LabelSource { get; init; }

    public required TrajectoryBuilder.Conversation Conversation { get; init; }

    public required RolloutStatus Status { get; init; }

    public string? StatusDetail { get; init; }
}
