namespace SweLego.Tasks.Harness;

/// <summary>
/// A test's status as the SWE-bench harness records it. The serialized names are the
/// harness's upper-case words (see <see cref="TestStatusNames"/>).
/// </summary>
public enum TestStatus
{
    Passed,
    Failed,
    Skipped,
    Error,
    XFail,

    /// <summary>
    /// A word the harness stored as a status although it is none of the five (a `PASSEDX ...` or
    /// `ERROR: ...` line, `test_p[a b] PASSED` read by 4.0.4's pytest_v2 as status `b]`). The
    /// harness grades such a test as neither passing nor failing, which differs from absent.
    /// </summary>
    Other,
}
