namespace SweLego.Evaluation.Metrics;

/// <summary>
/// Computes <see cref="MetricsReport"/> from per-prediction verdicts: resolve rate overall, per
/// source and per repository, and with several predictions per instance Pass@1 and the unbiased
/// Pass@k (<see cref="PassAtK"/>). Instances without any verdict are not in the denominators: give
/// them an empty-patch verdict to count them as the leaderboard does.
/// </summary>
public static class EvaluationMetrics
{
    public static MetricsReport Compute(IEnumerable<PredictionVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var all = verdicts.ToList();
        var seen = new HashSet<(string, string)>();
        foreach (var verdict in all)
        {
            if (!seen.Add((verdict.InstanceId, verdict.RolloutId)))
                throw new ArgumentException($"two verdicts for instance '{verdict.InstanceId}' rollout '{verdict.RolloutId}'", nameof(verdicts));
        }

        return new MetricsReport
        {
            Overall = Group("all", all),
            BySource = Groups(all, v => v.Source),
            ByRepo = Groups(all, v => v.Repo),
        };
    }

    private static List<MetricsGroup> Groups(List<PredictionVerdict> verdicts, Func<PredictionVerdict, string> key) =>
        verdicts.GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Group(g.Key, g.ToList()))
            .ToList();

    private static MetricsGroup Group(string name, List<PredictionVerdict> verdicts)
    {
        var instances = verdicts.GroupBy(v => v.InstanceId, StringComparer.Ordinal)
            .Select(g => (N: g.Count(), C: g.Count(v => v.Resolved)))
            .ToList();
        int minRollouts = instances.Count == 0 ? 0 : instances.Min(i => i.N);
        int resolved = verdicts.Count(v => v.Resolved);
        return new MetricsGroup
        {
            Name = name,
            Instances = instances.Count,
            Predictions = verdicts.Count,
            Resolved = resolved,
            ResolvedInstances = instances.Count(i => i.C > 0),
            Errors = verdicts.Count(v => v.Error),
            EmptyPatches = verdicts.Count(v => v.EmptyPatch),
            ResolveRate = verdicts.Count == 0 ? 0 : (double)resolved / verdicts.Count,
            Pass1 = instances.Count == 0 ? 0 : instances.Average(i => (double)i.C / i.N),
            MinRollouts = minRollouts,
            MaxRollouts = instances.Count == 0 ? 0 : instances.Max(i => i.N),
            PassAtK = Enumerable.Range(1, minRollouts)
                .Select(k => new PassAtKValue(k, instances.Average(i => PassAtK.Estimate(i.N, i.C, k))))
                .ToList(),
        };
    }
}
