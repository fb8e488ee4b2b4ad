namespace SweLego.Tasks.Harness;

/// <summary>
/// The harness's `tests_status` for one instance plus its resolution. FAIL_TO_FAIL and
/// PASS_TO_FAIL are graded like the other groups (success = the test passed) and are empty
/// unless the caller supplies those lists, as in the harness.
/// </summary>
public sealed record GradeReport(
    TestGroupResult FailToPass,
    TestGroupResult PassToPass,
    TestGroupResult FailToFail,
    TestGroupResult PassToFail,
    ResolutionStatus Resolution)
{
    public bool Resolved => Resolution == ResolutionStatus.Full;
}
