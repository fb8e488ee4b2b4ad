using SweLego.Sandboxes;

namespace SweLego.Tasks.Harness;

/// <summary>
/// Runs the same tests several times (default 3) in one session and keeps only what is
/// stable: a test whose outcome (pass, fail, skip, absent) differs between runs is flaky and
/// must never appear in FAIL_TO_PASS or PASS_TO_PASS. A run that is not gradable
/// (infrastructure, inconsistent) makes the whole baseline unusable, with that run's reason,
/// unless its problem is one the caller tolerates.
/// </summary>
public static class TestBaseline
{
    /// <param name="tolerated">
    /// Problems whose runs still count with the statuses they have, e.g. a collection error before
    /// a fix whose test patch imports code the fix adds (its tests are absent, so failing).
    /// </param>
    public static async Task<TestBaselineResult> RunAsync(
        ISandboxSession session, string testCommand, IReadOnlyList<string> testFiles, ITestLogParser parser, TimeSpan timeout,
        int runs = 3, IReadOnlySet<TestRunProblem>? tolerated = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var outcomes = new List<TestRunResult>(runs);
        for (int i = 0; i < runs; i++)
        {
            var run = await SandboxTestRunner.RunAsync(session, testCommand, testFiles, parser, timeout, cancellationToken);
            outcomes.Add(run);
            if (!run.Outcome.IsGradable && !(run.Outcome.Problem is { } problem && tolerated?.Contains(problem) == true))
                return new TestBaselineResult(new Dictionary<string, TestStatus>(), new HashSet<string>(), outcomes, $"run {i + 1} of {runs}: {run.Outcome.Reason}");
        }

        var names = outcomes.SelectMany(o => o.Outcome.Statuses.Keys).ToHashSet(StringComparer.Ordinal);
        var flaky = names.Where(name => outcomes.Select(o => Class(o.Outcome.Statuses, name)).Distinct().Count() > 1).ToHashSet(StringComparer.Ordinal);
        var stable = outcomes[0].Outcome.Statuses.Where(kv => !flaky.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new TestBaselineResult(stable, flaky, outcomes, Problem: null);
    }

    // What matters for F2P/P2P: passing, failing (absent counts as failing), or neither (skipped).
    private static int Class(IReadOnlyDictionary<string, TestStatus> statuses, string name) =>
        !statuses.TryGetValue(name, out var status) || status.IsFail() ? 0 : status.IsPass() ? 1 : 2;
}
