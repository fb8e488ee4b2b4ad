namespace SweLego.Curation.Stats;

/// <summary>Per-record token counts → <see cref="TokenDistribution"/> (the values are kept: 8 bytes a record).</summary>
internal static class TokenDistributions
{
    /// <summary>The first bucket's upper bound; each next bucket doubles it.</summary>
    public const long FirstBound = 1024;

    public static TokenDistribution Describe(List<long> values)
    {
        if (values.Count == 0) return new TokenDistribution(null, null, null, null, []);
        values.Sort();
        int middle = values.Count / 2;
        double median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
        var counts = new SortedDictionary<int, int>();
        foreach (long value in values)
        {
            int index = BucketOf(value);
            counts[index] = counts.GetValueOrDefault(index) + 1;
        }

        var histogram = new List<TokenBucket>();
        for (int index = counts.Keys.First(); index <= counts.Keys.Last(); index++)
        {
            long to = FirstBound << index;
            histogram.Add(new TokenBucket(index == 0 ? 0 : (to / 2) + 1, to, counts.GetValueOrDefault(index)));
        }

        return new TokenDistribution(values[0], median, values.Average(v => (double)v), values[^1], histogram);
    }

    private static int BucketOf(long value)
    {
        int index = 0;
        for (long bound = FirstBound; value > bound; bound <<= 1) index++;
        return index;
    }
}
