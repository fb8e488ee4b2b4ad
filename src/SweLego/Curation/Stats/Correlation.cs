namespace SweLego.Curation.Stats;

/// <summary>
/// Pearson correlations for the statistics. Undefined values (fewer than two points, a constant variable) are null,
/// never NaN: constancy is tested on the values themselves, because a variance computed in floating point is
/// rarely exactly zero and would turn a constant into a spurious ±1.
/// </summary>
internal static class Correlation
{
    /// <summary>Weighted Pearson r over the points with a positive weight (weight 1 each = the ordinary r).</summary>
    public static double? Pearson(IReadOnlyList<(double X, double Y, double Weight)> points)
    {
        var used = points.Where(p => p.Weight > 0).ToList();
        if (used.Count < 2 || used.TrueForAll(p => p.X.Equals(used[0].X)) || used.TrueForAll(p => p.Y.Equals(used[0].Y))) return null;
        double weights = used.Sum(p => p.Weight);
        double meanX = used.Sum(p => p.Weight * p.X) / weights;
        double meanY = used.Sum(p => p.Weight * p.Y) / weights;
        double sxx = 0, syy = 0, sxy = 0;
        foreach (var (x, y, w) in used)
        {
            sxx += w * (x - meanX) * (x - meanX);
            syy += w * (y - meanY) * (y - meanY);
            sxy += w * (x - meanX) * (y - meanY);
        }

        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }
}

/// <summary>
/// The point-biserial correlation of a whole number and a yes/no outcome, streamed: exact integer sums, so a
/// constant is recognised exactly and millions of points cost five numbers.
/// </summary>
internal sealed class PointBiserial
{
    private Int128 _n, _sumX, _sumY, _sumXX, _sumXY;

    public void Add(long x, bool y)
    {
        _n++;
        _sumX += x;
        _sumXX += (Int128)x * x;
        if (!y) return;
        _sumY++;
        _sumXY += x;
    }

    /// <summary>r, or null when there are fewer than two points, x is constant, or every outcome is the same.</summary>
    public double? Value
    {
        get
        {
            Int128 varianceX = _n * _sumXX - _sumX * _sumX;
            Int128 varianceY = _n * _sumY - _sumY * _sumY;
            if (_n < 2 || varianceX == 0 || varianceY == 0) return null;
            double covariance = (double)(_n * _sumXY - _sumX * _sumY);
            return Math.Clamp(covariance / Math.Sqrt((double)varianceX * (double)varianceY), -1, 1);
        }
    }
}
