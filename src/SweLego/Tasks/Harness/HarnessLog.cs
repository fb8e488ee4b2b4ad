using System.Globalization;
using System.Text.RegularExpressions;

namespace SweLego.Tasks.Harness;

/// <summary>Why the harness found no usable test result in an instance's test output.</summary>
public enum HarnessLogProblem
{
    /// <summary>`>>>>> Patch Apply Failed`, `>>>>> Reset Failed`, `>>>>> Tests Errored` or `>>>>> Tests Timed Out` occurs anywhere in the log.</summary>
    FailureMarker,

    /// <summary>The start or the end marker is missing (the tests never ran or never finished).</summary>
    MissingMarkers,

    /// <summary>5.0.2: no result inside or outside the markers and no runner summary showing the suite ran.</summary>
    NoResults,

    /// <summary>5.0.2: the test command exited non-zero yet no test failed: the log does not describe the run (spoofed PASSED lines).</summary>
    NonZeroExitWithoutFailures,
}

/// <summary>
/// The harness's get_logs_eval: what it reads from one instance's whole test output
/// (test_output.txt, everything eval.sh printed). <see cref="Found"/> false is what the report
/// calls `patch_successfully_applied: false`, whatever the actual cause.
/// </summary>
/// <param name="TestExitCode">5.0.2: the value after `>>>>> Test Exit Code:` (null when absent, or under 4.0.4).</param>
public sealed partial record HarnessLog(
    IReadOnlyDictionary<string, TestStatus> Statuses,
    bool Found,
    HarnessLogProblem? Problem,
    long? TestExitCode)
{
    public const string ApplyPatchFailed = ">>>>> Patch Apply Failed";
    public const string ResetFailed = ">>>>> Reset Failed";
    public const string TestsErrored = ">>>>> Tests Errored";
    public const string TestsTimedOut = ">>>>> Tests Timed Out";
    public const string ExitCodeMarker = ">>>>> Test Exit Code";

    private static readonly string[] FailureMarkers = [ApplyPatchFailed, ResetFailed, TestsErrored, TestsTimedOut];

    private static readonly IReadOnlyDictionary<string, TestStatus> Nothing = new Dictionary<string, TestStatus>();

    /// <summary>
    /// Reads <paramref name="testOutput"/> as harness <paramref name="version"/> does. The harness
    /// opens the file in Python's text mode, so `\r\n` and `\r` become `\n` before anything else;
    /// the failure markers are searched in the whole text, the test output included.
    /// </summary>
    /// <exception cref="HarnessLogParserException">The harness's parser raises on this log (no report).</exception>
    public static HarnessLog Read(string testOutput, ITestLogParser parser, HarnessVersion version)
    {
        ArgumentNullException.ThrowIfNull(testOutput);
        ArgumentNullException.ThrowIfNull(parser);
        var content = testOutput.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (FailureMarkers.Any(m => content.Contains(m, StringComparison.Ordinal)))
        {
            return new HarnessLog(Nothing, false, HarnessLogProblem.FailureMarker, null);
        }
        if (!content.Contains(TestLog.StartMarker, StringComparison.Ordinal) || !content.Contains(TestLog.EndMarker, StringComparison.Ordinal))
        {
            return new HarnessLog(Nothing, false, HarnessLogProblem.MissingMarkers, null);
        }
        var statuses = parser.Parse(Section(content));
        if (version == HarnessVersion.V4_0_4)
        {
            return new HarnessLog(statuses, true, null, null);
        }

        if (statuses.Count == 0)
        {
            // Runners whose output lands outside the markers (stream ordering) still count.
            statuses = parser.Parse(content);
        }
        if (statuses.Count == 0 && !SuiteRan().IsMatch(content))
        {
            return new HarnessLog(Nothing, false, HarnessLogProblem.NoResults, null);
        }
        var exitCode = ExitCode(content);
        if (exitCode is not (null or 0) && statuses.Count > 0 && !statuses.Values.Any(s => s.IsFail()))
        {
            return new HarnessLog(Nothing, false, HarnessLogProblem.NonZeroExitWithoutFailures, exitCode);
        }
        return new HarnessLog(statuses, true, null, exitCode);
    }

    /// <summary>
    /// Python's `content.split(START)[1].split(END)[0]`: from the first start marker to the next
    /// start marker or the first end marker, whichever comes first; the marker lines' own
    /// remainders (`'` of the set -x trace) stay in.
    /// </summary>
    private static string Section(string content)
    {
        var from = content.IndexOf(TestLog.StartMarker, StringComparison.Ordinal) + TestLog.StartMarker.Length;
        var nextStart = content.IndexOf(TestLog.StartMarker, from, StringComparison.Ordinal);
        var piece = nextStart < 0 ? content[from..] : content[from..nextStart];
        var end = piece.IndexOf(TestLog.EndMarker, StringComparison.Ordinal);
        return end < 0 ? piece : piece[..end];
    }

    /// <summary>The first `>>>>> Test Exit Code: N` anywhere in the log, as 5.0.2 searches it (even inside test output).</summary>
    private static long? ExitCode(string content)
    {
        var match = ExitCodeLine().Match(content);
        if (!match.Success)
        {
            return null;
        }
        var digits = match.Groups[2].Value;
        // Python's int() reads any Unicode decimal digits; only zero versus non-zero matters here.
        var value = 0L;
        foreach (var c in digits)
        {
            value = Math.Min(value * 10 + (long)CharUnicodeInfo.GetDecimalDigitValue(c), int.MaxValue * 1000L);
        }
        return match.Groups[1].Value == "-" ? -value : value;
    }

    [GeneratedRegex(@">>>>> Test Exit Code:\s*(-?)(\d+)")]
    private static partial Regex ExitCodeLine();

    // 5.0.2's evidence that a runner executed although nothing was parsed (mostly JavaScript runners'
    // summaries); every count must be non-zero.
    [GeneratedRegex(
        @"Executed [1-9]\d* of \d+|TOTAL: [1-9]\d* (?:SUCCESS|FAILED)|[1-9]\d* passing|Tests:\s+[1-9]\d*"
        + @"|Test Suites:\s+(?:\d+ \w+, )*[1-9]\d* total|^# tests [1-9]\d*|[1-9]\d* specs?, \d+ failures?|': ok$",
        RegexOptions.Multiline)]
    private static partial Regex SuiteRan();
}
