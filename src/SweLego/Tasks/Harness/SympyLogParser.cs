using System.Text.RegularExpressions;

namespace SweLego.Tasks.Harness;

/// <summary>
/// `sympy`: the harness's parse_log_sympy over `bin/test -C --verbose` output: `test_name ok|F|E`
/// lines, plus `____ sympy/x/tests/test_y.py:test_name ____` failure headers, which mark a test
/// FAILED under the name `path.py:test_name`. The same in 4.0.4 and 5.0.2; an expected failure
/// (`f`) and a skip (`s`) are not recorded, so they are absent.
/// </summary>
public sealed partial class SympyLogParser : ITestLogParser
{
    public const string ParserName = "sympy";

    public string Name => ParserName;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var map = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        foreach (Match match in FailureHeader().Matches(log))
        {
            map[$"{match.Groups[2].Value}.py:{match.Groups[3].Value}"] = TestStatus.Failed;
        }
        foreach (var raw in LogLines.Split(log))
        {
            var line = LogLines.Strip(raw);
            if (!line.StartsWith("test_", StringComparison.Ordinal))
            {
                continue;
            }
            var name = LogLines.Words(line)[0];
            if (line.EndsWith(" E", StringComparison.Ordinal))
            {
                map[name] = TestStatus.Error;
            }
            if (line.EndsWith(" F", StringComparison.Ordinal))
            {
                map[name] = TestStatus.Failed;
            }
            if (line.EndsWith(" ok", StringComparison.Ordinal))
            {
                map[name] = TestStatus.Passed;
            }
        }
        return map;
    }

    // Python's re.findall without MULTILINE: `.` stops at newlines, so a header is one line.
    [GeneratedRegex(@"(_*) (.*)\.py:(.*) (_*)")]
    private static partial Regex FailureHeader();
}
