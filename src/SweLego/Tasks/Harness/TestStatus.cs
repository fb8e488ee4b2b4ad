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
}
