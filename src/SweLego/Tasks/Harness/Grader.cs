namespace SweLego.Tasks.Harness;

/// <summary>
/// Grading exactly as the SWE-bench harness does it (spec §5), per release. The one grading
/// core: harness evaluation (<see cref="HarnessGrading"/>) and our own task validation both use it.
/// </summary>
/// <remarks>
/// 4.0.4: PASSED/XFAIL succeed, FAILED/ERROR/absent fail, anything else (SKIPPED) is in neither
/// list. 5.0.2: a skipped FAIL_TO_PASS test fails (it resolves nothing), a skipped PASS_TO_PASS test
/// succeeds (it is no regression), and an expected id cut off inside its brackets
/// (`test_x[log(photon`, more `[` than `]`) that is absent matches the recorded ids it prefixes
/// when they all agree on passing or not; the first of them in log order gives the status.
/// </remarks>
public static class Grader
{
    public static GradeReport Grade(
        IEnumerable<string> failToPass,
        IEnumerable<string> passToPass,
        IReadOnlyDictionary<string, TestStatus> statuses,
        HarnessVersion version = HarnessVersions.Default,
        IEnumerable<string>? failToFail = null,
        IEnumerable<string>? passToFail = null)
    {
        ArgumentNullException.ThrowIfNull(failToPass);
        ArgumentNullException.ThrowIfNull(passToPass);
        ArgumentNullException.ThrowIfNull(statuses);
        var f2p = GradeGroup(failToPass, statuses, version);
        var p2p = GradeGroup(passToPass, statuses, version, maintenance: true);
        return new GradeReport(
            f2p,
            p2p,
            failToFail is null ? TestGroupResult.Empty : GradeGroup(failToFail, statuses, version),
            passToFail is null ? TestGroupResult.Empty : GradeGroup(passToFail, statuses, version),
            Resolve(f2p, p2p));
    }

    /// <param name="maintenance">
    /// PASS_TO_PASS under 5.0.2, where the question is "did it break?" and a skip is no regression.
    /// </param>
    public static TestGroupResult GradeGroup(
        IEnumerable<string> tests, IReadOnlyDictionary<string, TestStatus> statuses,
        HarnessVersion version = HarnessVersions.Default, bool maintenance = false)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(statuses);
        var success = new List<string>();
        var failure = new List<string>();
        var v5 = version == HarnessVersion.V5_0_2;
        foreach (var test in tests)
        {
            TestStatus? status = v5 ? ResolveCase(test, statuses) is { } key ? statuses[key] : null
                : statuses.TryGetValue(test, out var exact) ? exact : null;
            if (status is { } s && (s.IsPass() || (v5 && maintenance && s == TestStatus.Skipped)))
            {
                success.Add(test);
            }
            else if (status is not { } known || known.IsFail() || (v5 && known == TestStatus.Skipped))
            {
                failure.Add(test);
            }
        }
        return new TestGroupResult(success, failure);
    }

    /// <summary>
    /// The harness's rates: a group with nothing graded (empty, or all in neither list) counts as
    /// fully passing, so under 4.0.4 an instance whose FAIL_TO_PASS tests were all skipped is FULL.
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

    /// <summary>5.0.2's key for an expected id: itself, or the agreeing prefix matches of a truncated id.</summary>
    private static string? ResolveCase(string test, IReadOnlyDictionary<string, TestStatus> statuses)
    {
        if (statuses.ContainsKey(test))
        {
            return test;
        }
        if (test.Count(c => c == '[') <= test.Count(c => c == ']'))
        {
            return null;
        }
        string? first = null;
        bool? passing = null;
        foreach (var (key, status) in statuses)
        {
            if (!key.StartsWith(test, StringComparison.Ordinal))
            {
                continue;
            }
            first ??= key;
            if (passing is { } p && p != status.IsPass())
            {
                return null;
            }
            passing = status.IsPass();
        }
        return first;
    }
}
