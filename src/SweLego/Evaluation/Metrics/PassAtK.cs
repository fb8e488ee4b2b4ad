namespace SweLego.Evaluation.Metrics;

/// <summary>
/// The unbiased pass@k estimator (Chen et al., 2021): with n rollouts of which c resolve, the
/// chance that k drawn without replacement include one that resolves, 1 − C(n−c, k) / C(n, k).
/// The binomials overflow long before n gets large, so the ratio is taken as the product
/// ∏ (1 − k/i) over i = n−c+1 … n, which stays within [0, 1] at every step.
/// </summary>
public static class PassAtK
{
    public static double Estimate(int n, int c, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(c, n);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        // Fewer failures than draws: every draw of k holds a success.
        if (n - c < k) return 1.0;
        double allFail = 1.0;
        for (int i = n - c + 1; i <= n; i++) allFail *= 1.0 - (double)k / i;
        return 1.0 - allFail;
    }
}
