using System.Globalization;

namespace SweLego.Curation.Stats;

/// <summary>
/// Resolve rate by turn-count bucket: bucket k holds turns k·size+1 … (k+1)·size (0 turns count in the first), so
/// with size 10 turn 10 is in 1–10 and turn 11 in 11–20. Only labels that are an evaluation's outcome count.
/// </summary>
internal sealed class TurnRateAccumulator(int bucketSize)
{
    private readonly SortedDictionary<int, int[]> _buckets = []; // index → resolved, semi-resolved, unresolved
    private readonly PointBiserial _pointBiserial = new();

    public static bool IsEvaluated(CurationLabel label) => label is CurationLabel.Resolved or CurationLabel.SemiResolved or CurationLabel.Unresolved;

    public void Add(int turns, CurationLabel label)
    {
        if (!IsEvaluated(label)) return;
        int index = turns <= 0 ? 0 : (turns - 1) / bucketSize;
        if (!_buckets.TryGetValue(index, out var counts)) _buckets[index] = counts = new int[3];
        counts[label switch { CurationLabel.Resolved => 0, CurationLabel.SemiResolved => 1, _ => 2 }]++;
        _pointBiserial.Add(Math.Max(turns, 0), label == CurationLabel.Resolved);
    }

    public ResolveRateStats ToStats(IReadOnlyList<string> notEvaluatedFilters, ICollection<string> notes)
    {
        var buckets = new List<TurnBucketRate>();
        if (_buckets.Count > 0)
        {
            for (int index = _buckets.Keys.First(); index <= _buckets.Keys.Last(); index++)
            {
                var counts = _buckets.GetValueOrDefault(index, new int[3]);
                int total = counts.Sum();
                int from = index * bucketSize + 1, to = (index + 1) * bucketSize;
                buckets.Add(new TurnBucketRate(from, to, (from + to) / 2.0, total, counts[0], counts[1], counts[2],
                    total == 0 ? null : (double)counts[0] / total));
            }
        }

        int evaluated = buckets.Sum(b => b.Trajectories), resolved = buckets.Sum(b => b.Resolved);
        var points = buckets.Where(b => b.Rate is not null).Select(b => (b.Midpoint, b.Rate!.Value, (double)b.Trajectories)).ToList();
        var stats = new ResolveRateStats
        {
            BucketSize = bucketSize,
            NotEvaluatedFilters = notEvaluatedFilters,
            Evaluated = evaluated,
            Resolved = resolved,
            Rate = evaluated == 0 ? null : (double)resolved / evaluated,
            Buckets = buckets,
            PearsonUnweighted = Correlation.Pearson([.. points.Select(p => (p.Midpoint, p.Item2, 1.0))]),
            PearsonWeighted = Correlation.Pearson(points),
            PointBiserial = _pointBiserial.Value,
        };

        if (evaluated == 0)
        {
            notes.Add("No evaluated trajectories (resolved, semi-resolved or unresolved): resolve rates and their correlations are absent.");
            return stats;
        }

        if (stats.PearsonUnweighted is null)
        {
            notes.Add(points.Count < 2
                ? string.Create(CultureInfo.InvariantCulture, $"Only one turn bucket of {bucketSize} has trajectories: the correlation of resolve rate and turns is undefined (try a smaller --bucket).")
                : "Every turn bucket has the same resolve rate: the correlation of resolve rate and turns is undefined.");
        }

        if (stats.PointBiserial is null)
            notes.Add("Every evaluated trajectory has the same turn count or the same outcome: the point-biserial correlation is undefined.");
        return stats;
    }
}
