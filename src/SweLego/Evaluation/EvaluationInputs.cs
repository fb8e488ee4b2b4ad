using SweLego.Evaluation.Inputs;
using SweLego.Tasks.Harness;

namespace SweLego.Evaluation;

/// <summary>
/// The instances and predictions of one evaluation, paired: what is graded, what is settled as an
/// error without running (a prediction for an instance whose row was unusable), what is only listed
/// (unknown instance ids, malformed or duplicate lines), and the harness's run report over them.
/// </summary>
internal sealed class EvaluationInputs
{
    private readonly InstanceSet instances;
    private readonly PredictionSet predictions;
    private readonly Dictionary<string, InputProblem> badInstances;
    private readonly Dictionary<string, MatchedPrediction> byKey;

    private EvaluationInputs(InstanceSet instances, PredictionSet predictions)
    {
        this.instances = instances;
        this.predictions = predictions;
        Match = PredictionMatch.Create(instances, predictions);
        Keys = new EvaluationKeys(predictions.Predictions);
        byKey = Match.Pairs.ToDictionary(p => Keys.Key(p.Prediction), StringComparer.Ordinal);
        badInstances = instances.Problems
            .Where(p => p.InstanceId is not null && p.Kind != InputProblemKind.Duplicate && instances.Find(p.InstanceId) is null)
            .GroupBy(p => p.InstanceId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Report = new EvaluationInputsReport
        {
            InstancesFiles = instances.Files,
            PredictionsFile = predictions.File,
            Instances = instances.Instances.Count,
            Predictions = predictions.Predictions.Count,
            InstanceProblems = [.. instances.Problems.Select(p => p.ToString())],
            PredictionProblems = [.. predictions.Problems.Select(p => p.ToString())],
            MalformedPredictions = predictions.MalformedCount,
            DuplicatePredictions = predictions.DuplicateCount,
            UnknownInstanceIds = [.. Match.UnknownInstanceIds.Where(id => !badInstances.ContainsKey(id))],
            UnknownPredictions = Match.UnknownPredictionCount - predictions.Predictions.Count(p => badInstances.ContainsKey(p.InstanceId)),
        };
    }

    public PredictionMatch Match { get; }

    public EvaluationKeys Keys { get; }

    public EvaluationInputsReport Report { get; }

    public static EvaluationInputs Create(InstanceSet instances, PredictionSet predictions) => new(instances, predictions);

    /// <summary>Every prediction for an instance whose row could not be used: an error naming the row and why.</summary>
    public IReadOnlyList<EvaluationRecord> Settled(InstanceEvaluator evaluator) =>
    [
        .. predictions.Predictions.Where(p => badInstances.ContainsKey(p.InstanceId)).Select(p => evaluator.BadInstance(p, Keys.Rollout(p), badInstances[p.InstanceId])),
    ];

    /// <summary>The pair a recorded result belongs to (for --rerun), or null when the inputs no longer have it.</summary>
    public MatchedPrediction? Find(string key) => byKey.GetValueOrDefault(key);

    /// <summary>
    /// The harness's run report: one verdict per dataset instance (an unusable row included), from the result of its
    /// first prediction in file order; a prediction with no result yet (not run, or stopped) counts as an error, as a
    /// prediction without report.json does there. Several predictions per instance are measured by the metrics (Pass@k).
    /// </summary>
    public RunReport RunReport(HarnessVersion version, IReadOnlyList<EvaluationRecord> results)
    {
        var byKey = results.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var first = predictions.Predictions.GroupBy(p => p.InstanceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var dataset = instances.Instances.Select(i => i.InstanceId).Concat(badInstances.Keys).Select(id =>
        {
            if (!first.TryGetValue(id, out var prediction)) return new RunInstance(id, InstanceVerdict.Incomplete);
            if (!byKey.TryGetValue(Keys.Key(prediction), out var result)) return new RunInstance(id, InstanceVerdict.Error);
            return new RunInstance(id, result.Verdict switch
            {
                EvaluationVerdict.Resolved => InstanceVerdict.Resolved,
                EvaluationVerdict.Unresolved => InstanceVerdict.Unresolved,
                EvaluationVerdict.EmptyPatch => InstanceVerdict.EmptyPatch,
                _ => InstanceVerdict.Error,
            }, result.InfraFailure);
        }).ToList();
        return Tasks.Harness.RunReport.Build(version, dataset, predictions.Predictions.Select(p => p.InstanceId));
    }
}
