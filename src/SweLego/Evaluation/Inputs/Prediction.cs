namespace SweLego.Evaluation.Inputs;

/// <summary>
/// One model patch to grade, as read (spec §5: <c>instance_id</c>, <c>model_patch</c>,
/// <c>model_name_or_path</c>). The patch is kept exactly as the file holds it — CRLF, binary
/// hunks, any size. An instance may have several predictions (rollouts), told apart by
/// <see cref="RolloutId"/>.
/// </summary>
public sealed record Prediction
{
    public required string InstanceId { get; init; }

    /// <summary>Null when the file has <c>null</c> or no <c>model_patch</c> (the harness's <c>patch_is_None</c>).</summary>
    public string? ModelPatch { get; init; }

    public string? ModelNameOrPath { get; init; }

    /// <summary>
    /// The file's <c>rollout_id</c> (a string, or an integer as text); without one, the prediction's
    /// occurrence among the instance's predictions that have none: "0", "1", … in file order.
    /// </summary>
    public required string RolloutId { get; init; }

    /// <summary>True when <see cref="RolloutId"/> came from the file, false when it was numbered.</summary>
    public bool RolloutIdGiven { get; init; }

    public required InputOrigin Origin { get; init; }

    /// <summary>Empty or null patch: the harness counts it as an empty-patch instance and runs nothing.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(ModelPatch);
}
