namespace SweLego.Tasks.Harness;

/// <summary>The harness words for <see cref="TestStatus"/> (`PASSED`, `FAILED`, ...), used in logs and reports.</summary>
public static class TestStatusNames
{
    /// <summary>In the harness's enum order, which is also the order its parsers try prefixes in.</summary>
    public static IReadOnlyList<(string Word, TestStatus Status)> All { get; } =
    [
        ("FAILED", TestStatus.Failed),
        ("PASSED", TestStatus.Passed),
        ("SKIPPED", TestStatus.Skipped),
        ("ERROR", TestStatus.Error),
        ("XFAIL", TestStatus.XFail),
    ];

    public static string ToWord(this TestStatus status) => status switch
    {
        TestStatus.Passed => "PASSED",
        TestStatus.Failed => "FAILED",
        TestStatus.Skipped => "SKIPPED",
        TestStatus.Error => "ERROR",
        TestStatus.XFail => "XFAIL",
        TestStatus.Other => "OTHER",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string word, out TestStatus status)
    {
        foreach (var (w, s) in All)
        {
            if (string.Equals(w, word, StringComparison.Ordinal))
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>The harness keeps whatever word it split off; anything but the five statuses grades as <see cref="TestStatus.Other"/>.</summary>
    public static TestStatus FromHarnessWord(string word) => TryParse(word, out var status) ? status : TestStatus.Other;

    /// <summary>Grading counts these as passing (spec §5).</summary>
    public static bool IsPass(this TestStatus status) => status is TestStatus.Passed or TestStatus.XFail;

    /// <summary>Grading counts these as failing; an absent test fails too, a skipped one is neither.</summary>
    public static bool IsFail(this TestStatus status) => status is TestStatus.Failed or TestStatus.Error;
}
