namespace SweLego.Tasks.Harness;

/// <summary>Grading exactly as the SWE-bench harness does it (spec §5).</summary>
public static class Grader
{
    public static GradeReport Grade(
        IEnumerable<string> failToPass,
        IEnumerable<string> passToPass,
        IReadOnlyDictionary<string, TestStatus> statuses,
        IEnumerable<string>? failToFail = null,
        IEnumerable<string>? passToFail = null)
    {
        ArgumentNullException.ThrowIfNull(failToPass);
        ArgumentNullException.ThrowIfNull(passToPass);
        ArgumentNullException.ThrowIfNull(statuses);
        var f2p = GradeGroup(failToPass, statuses);
        var p2p = GradeGroup(passToPass, statuses);
        return new GradeReport(
            f2p,
            p2p,
            failToFail is null ? TestGroupResult.Empty : GradeGroup(failToFail, statuses),
            passToFail is null ? TestGroupResult.Empty : GradeGroup(passToFail, statuses),
            Resolve(f2p, p2p));
    }

    /// <summary>Passed or XFAIL is a success; FAILED, ERROR or absent a failure; SKIPPED neither.</summary>
    public static TestGroupResult GradeGroup(IEnumerable<string> tests, IReadOnlyDictionary<string, TestStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(statuses);
        var success = new List<string>();
        var failure = new List<string>();
        foreach (var test in tests)
        {
            if (!statuses.TryGetValue(test, out var status) || status.IsFail())
            {
                failure.Add(test);
            }
            else if (status.IsPass())
            {
                success.Add(test);
            }
        }
        return new TestGroupResult(success, failure);
    }

    /// <summary>
    /// The harness's rates: a group with nothing graded (empty, or all skipped) counts as fully
    /// passing, so an instance whose FAIL_TO_PASS tests were all skipped is FULL, as there.
    /// </summary>
    public static ResolutionStatus Resolve(TestGroupResult failToPass, TestGroupResult passToPass)
    {
        ArgumentNullException.ThrowIfNull(failToPass);
        ArgumentNullException.ThrowIfNull(passToPass);
        var f2pAll = failToPass.Failure.Count == 0;
        var p2pAll = passToPass.Failure.Count == 0;
        if (f2pAll && p2pAll)
        {
            return ResolutionStatus.Full;
        }
        return failToPass.Success.Count > 0 && p2pAll ? ResolutionStatus.Partial : ResolutionStatus.No;
    }
}
