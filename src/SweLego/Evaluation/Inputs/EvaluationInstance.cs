using SweLego.Tasks;

namespace SweLego.Evaluation.Inputs;

/// <summary>
/// A task instance to evaluate predictions against, in the SWE-bench fields (spec §5) whatever file
/// it came from: ours (<see cref="Task"/> set), SWE-bench and the datasets shaped like it (SWE-Gym,
/// SWE-smith, SWE-rebench, …). Text fields a dataset lacks are empty; the two test lists are always
/// lists (datasets on the Hub store them JSON-encoded).
/// </summary>
public sealed record EvaluationInstance
{
    /// <summary><see cref="Source"/> of our instances mined from commits and pull requests.</summary>
    public const string RealSource = "real";

    /// <summary><see cref="Source"/> of our synthetic instances.</summary>
    public const string SyntheticSource = "synthetic";

    public required string InstanceId { get; init; }

    /// <summary><c>owner/name</c>.</summary>
    public required string Repo { get; init; }

    public string BaseCommit { get; init; } = "";

    /// <summary>The gold patch.</summary>
    public string Patch { get; init; } = "";

    public string TestPatch { get; init; } = "";

    public string ProblemStatement { get; init; } = "";

    public string HintsText { get; init; } = "";

    public string CreatedAt { get; init; } = "";

    /// <summary>The harness's per-repository version key ("3.0"); for ours, the environment id.</summary>
    public string Version { get; init; } = "";

    public required IReadOnlyList<string> FailToPass { get; init; }

    public required IReadOnlyList<string> PassToPass { get; init; }

    public string EnvironmentSetupCommit { get; init; } = "";

    /// <summary>
    /// The evaluation image the row names (<c>image_name</c> as SWE-Lego, SWE-smith and SWE-rebench
    /// write it, <c>image</c> as SWE-bench 5.x does, or <c>docker_image</c>); null when it names none.
    /// See <see cref="EvaluationImages.Candidates"/>.
    /// </summary>
    public string? ImageName { get; init; }

    /// <summary>
    /// <see cref="RealSource"/> or <see cref="SyntheticSource"/> for ours; for other datasets the
    /// dataset's name (its folder, or the file name), so metrics can be split by where instances came from.
    /// </summary>
    public required string Source { get; init; }

    /// <summary>The file and line or row the instance was read from.</summary>
    public required InputOrigin Origin { get; init; }

    /// <summary>Our own record when the row is one of ours (it carries the environment that proved it).</summary>
    public TaskInstance? Task { get; init; }
}
