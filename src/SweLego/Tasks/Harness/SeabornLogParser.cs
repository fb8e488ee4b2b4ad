namespace SweLego.Tasks.Harness;

/// <summary>
/// `seaborn`: the harness's parse_log_seaborn. Records only failures and passes: `FAILED name`,
/// `name PASSED ...` (the second word must be PASSED) and `PASSED name`; SKIPPED, ERROR and XFAIL
/// lines are ignored, so an erroring test is absent (which grades as a failure all the same).
/// </summary>
/// <remarks>
/// 4.0.4 indexes the second word without checking there is one, so a line that is just `FAILED`
/// or `PASSED` (or contains " PASSED " alone) raises in the harness and the instance gets no
/// report; we throw <see cref="HarnessLogParserException"/> there. 5.0.2 skips such lines.
/// </remarks>
public sealed class SeabornLogParser(HarnessVersion version = HarnessVersions.Default) : ITestLogParser
{
    public const string ParserName = "seaborn";

    public string Name => ParserName;

    public HarnessVersion Version => version;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var map = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in LogLines.Split(log))
        {
            lineNumber++;
            var parts = LogLines.Words(line);
            var failed = line.StartsWith("FAILED", StringComparison.Ordinal);
            var passedInside = line.Contains(" PASSED ", StringComparison.Ordinal);
            var passedFirst = line.StartsWith("PASSED", StringComparison.Ordinal);
            if (parts.Length < 2)
            {
                if (version == HarnessVersion.V4_0_4 && (failed || passedInside || passedFirst))
                {
                    throw new HarnessLogParserException(ParserName, version, lineNumber, line,
                        "the harness indexes the second word of this line and raises IndexError");
                }
                continue;
            }
            if (failed)
            {
                map[parts[1]] = TestStatus.Failed;
            }
            else if (passedInside)
            {
                if (parts[1] == "PASSED")
                {
                    map[parts[0]] = TestStatus.Passed;
                }
            }
            else if (passedFirst)
            {
                map[parts[1]] = TestStatus.Passed;
            }
        }
        return map;
    }
}
