namespace SweLego.Tasks.Harness;

/// <summary>Compares the run without the gold patch (before) with the run with it (after).</summary>
public static class ValidationDiff
{
    /// <summary>
    /// FAIL_TO_PASS: failing before (FAILED, ERROR or absent — a test added by the test patch is
    /// absent before) and passing after. PASS_TO_PASS: passing in both. A skip on either side
    /// proves nothing, so such a test is in neither list. Tests in <paramref name="flaky"/> are
    /// never used: a status that changes between identical runs cannot validate a patch.
    /// </summary>
    public static ValidationResult Compute(
        IReadOnlyDictionary<string, TestStatus> before,
        IReadOnlyDictionary<string, TestStatus> after,
        IReadOnlySet<string>? flaky = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var failToPass = new List<string>();
        var passToPass = new List<string>();
        var passToFail = new List<string>();
        var excluded = new List<string>();
        foreach (var test in before.Keys.Union(after.Keys, StringComparer.Ordinal))
        {
            var was = Classify(before, test);
            var now = Classify(after, test);
            var relevant = (was, now) is (Side.Fail, Side.Pass) or (Side.Pass, Side.Pass) or (Side.Pass, Side.Fail);
            if (!relevant)
            {
                continue;
            }
            if (flaky is not null && flaky.Contains(test))
            {
                excluded.Add(test);
                continue;
            }
            var list = (was, now) switch
            {
                (Side.Fail, Side.Pass) => failToPass,
                (Side.Pass, Side.Pass) => passToPass,
                _ => passToFail,
            };
            list.Add(test);
        }
        return new ValidationResult(Sorted(failToPass), Sorted(passToPass), Sorted(passToFail), Sorted(excluded));
    }

    private enum Side { Pass, Fail, Neither }

    private static Side Classify(IReadOnlyDictionary<string, TestStatus> statuses, string test) =>
        !statuses.TryGetValue(test, out var status) || status.IsFail() ? Side.Fail
        : status.IsPass() ? Side.Pass
        : Side.Neither;

    private static string[] Sorted(List<string> tests)
    {
        var array = tests.ToArray();
        Array.Sort(array, StringComparer.Ordinal);
        return array;
    }
}
