namespace SweLego.Evaluation.Inputs;

/// <summary>
/// Predictions paired with instances. <see cref="Pairs"/> run in instance order, each instance's
/// predictions in file order (so evaluation output is reproducible). Predictions naming an unknown
/// instance are listed (each id once, first seen first) and counted, never fatal; instances no
/// prediction names are listed too (the harness's "incomplete").
/// </summary>
public sealed record PredictionMatch(
    IReadOnlyList<MatchedPrediction> Pairs,
    IReadOnlyList<string> UnknownInstanceIds,
    int UnknownPredictionCount,
    IReadOnlyList<EvaluationInstance> InstancesWithoutPrediction)
{
    /// <summary>Pairs each prediction with its instance by instance id.</summary>
    public static PredictionMatch Create(InstanceSet instances, PredictionSet predictions)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(predictions);
        var byInstance = predictions.Predictions.ToLookup(p => p.InstanceId, StringComparer.Ordinal);
        var pairs = instances.Instances.SelectMany(i => byInstance[i.InstanceId].Select(p => new MatchedPrediction(i, p))).ToList();
        var unknown = predictions.Predictions.Where(p => instances.Find(p.InstanceId) is null).ToList();
        return new PredictionMatch(
            pairs,
            unknown.Select(p => p.InstanceId).Distinct(StringComparer.Ordinal).ToList(),
            unknown.Count,
            instances.Instances.Where(i => !byInstance.Contains(i.InstanceId)).ToList());
    }
}
