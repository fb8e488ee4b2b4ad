namespace SweLego.Tasks.Harness;

/// <summary>
/// The test command's output cut from a whole evaluation log: the lines between
/// `>>>>> Start Test Output` and `>>>>> End Test Output`. <see cref="Output"/> is null when a
/// marker is missing, which means the command never started or never finished (killed, timed
/// out, setup failed): an infrastructure problem, not failing tests.
/// </summary>
public sealed record TestLog(string? Output, string? Problem)
{
    public const string StartMarker = ">>>>> Start Test Output";
    public const string EndMarker = ">>>>> End Test Output";

    public bool HasOutput => Output is not null;

    /// <summary>
    /// Markers are matched anywhere in a line because eval scripts run under `set -x` print them
    /// inside a trace (`+ : '>>>>> Start Test Output'`); the marker lines themselves are excluded.
    /// The first start marker and the first end marker after it win, so text the tests print
    /// after the real end cannot extend the section.
    /// </summary>
    public static TestLog Extract(string fullLog)
    {
        ArgumentNullException.ThrowIfNull(fullLog);
        var start = fullLog.IndexOf(StartMarker, StringComparison.Ordinal);
        if (start < 0)
        {
            return new TestLog(null, $"start marker '{StartMarker}' missing: the test command did not run");
        }
        var bodyStart = fullLog.IndexOf('\n', start);
        if (bodyStart < 0)
        {
            return new TestLog(null, $"end marker '{EndMarker}' missing: the test command did not finish");
        }
        bodyStart++;
        var end = fullLog.IndexOf(EndMarker, bodyStart, StringComparison.Ordinal);
        if (end < 0)
        {
            return new TestLog(null, $"end marker '{EndMarker}' missing: the test command did not finish");
        }
        var bodyEnd = fullLog.LastIndexOf('\n', end - 1);
        var body = bodyEnd < bodyStart ? "" : fullLog[bodyStart..(bodyEnd + 1)];
        return new TestLog(body, null);
    }
}
