using SweLego.Evaluation.Inputs;

namespace SweLego.Evaluation;

/// <summary>
/// How a prediction is named in the stage: its instance id, plus <c>#rollout</c> when the file gave a
/// rollout id or the instance has more than one prediction. One prediction per instance keeps the
/// harness's plain instance-id key and folder.
/// </summary>
internal sealed class EvaluationKeys(IEnumerable<Prediction> predictions)
{
    private readonly HashSet<string> _repeated = predictions.GroupBy(p => p.InstanceId, StringComparer.Ordinal)
        .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);

    public string? Rollout(Prediction prediction) =>
        prediction.RolloutIdGiven || _repeated.Contains(prediction.InstanceId) ? prediction.RolloutId : null;

    public string Key(Prediction prediction) => Key(prediction.InstanceId, Rollout(prediction));

    public static string Key(string instanceId, string? rollout) => rollout is null ? instanceId : $"{instanceId}#{rollout}";
}
