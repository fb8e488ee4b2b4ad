using System.Text.RegularExpressions;

namespace SweLego.Tasks.Harness;

/// <summary>
/// `pytest_v2`: the harness's parse_log_pytest_v2. Strips colour codes, reads the `-rA`
/// summary like <see cref="PytestLogParser"/>, and also accepts the status after the name
/// as in verbose runs (`tests/x.py::test_a PASSED [ 50%]`).
/// </summary>
/// <remarks>
/// The harness only matches a line that ends with the status word (pytest before the progress
/// column); we also drop a trailing `[ NN%]` and a parenthesised reason (`SKIPPED (why)`), and
/// take everything before the status as the name, which is exact for verbose lines.
/// </remarks>
public sealed partial class PytestV2LogParser : ITestLogParser
{
    public const string ParserName = "pytest_v2";

    public string Name => ParserName;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var map = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        foreach (var raw in LogLines.Split(log))
        {
            var line = LogLines.StripAnsi(raw);
            if (PytestLogParser.TryParseLeadingStatus(line, map))
            {
                continue;
            }
            var match = TrailingStatus().Match(line);
            if (match.Success && TestStatusNames.TryParse(match.Groups["status"].Value, out var status))
            {
                map[match.Groups["name"].Value] = status;
            }
        }
        return map;
    }

    [GeneratedRegex(@"^(?<name>\S.*?)\s+(?<status>PASSED|FAILED|SKIPPED|ERROR|XFAIL)(?:\s+\(.*\))?(?:\s+\[\s*\d+%\])?\s*$")]
    private static partial Regex TrailingStatus();
}
