namespace SweLego.Tasks.Harness;

/// <summary>
/// The stable statuses of repeated runs, the flaky tests left out of them, every run, and
/// <see cref="Problem"/> when a run could not be graded (then there is no baseline).
/// </summary>
public sealed record TestBaselineResult(
    IReadOnlyDictionary<string, TestStatus> Statuses, IReadOnlySet<string> Flaky, IReadOnlyList<TestRunResult> Runs, string? Problem)
{
    public bool IsUsable => Problem is null;
}
