namespace SweLego.Evaluation.Metrics;

/// <summary>
/// The graded outcome of one prediction, what the metrics are computed from. <see cref="Error"/>
/// (no report: the patch did not apply, a timeout, a missing image) and <see cref="EmptyPatch"/>
/// are counted beside it; neither is resolved.
/// </summary>
public sealed record PredictionVerdict(
    string InstanceId,
    string Repo,
    string Source,
    string RolloutId,
    bool Resolved,
    bool Error = false,
    bool EmptyPatch = false);
