namespace SweLego.Tasks.Harness;

/// <summary>
/// `pytest`: the harness's parse_log_pytest over `pytest -rA` short-summary lines
/// (`PASSED tests/x.py::test_a`, `FAILED tests/x.py::test_b - AssertionError`).
/// </summary>
/// <remarks>
/// The name is the first word after the status, exactly as the harness splits it, so a
/// parametrized id with a space (`test_p[a b]`) becomes `test_p[a`. That is deliberate: the
/// FAIL_TO_PASS lists of existing SWE-bench instances were produced this way and grading
/// compares keys. Use <c>pytest_nodeid</c> for tasks we create ourselves.
/// </remarks>
public sealed class PytestLogParser : ITestLogParser
{
    public const string ParserName = "pytest";

    public string Name => ParserName;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var map = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        foreach (var line in LogLines.Split(log))
        {
            TryParseLeadingStatus(line, map);
        }
        return map;
    }

    /// <summary>The harness's prefix rule, shared with <see cref="PytestV2LogParser"/>.</summary>
    internal static bool TryParseLeadingStatus(string line, Dictionary<string, TestStatus> map, Func<string, string>? nameOf = null)
    {
        if (!StartsWithStatus(line, out var status))
        {
            return false;
        }
        // The harness drops " - " only on FAILED lines so the message's first word is not the name;
        // for the name itself this changes nothing because split() stops at the first space anyway.
        var text = status == TestStatus.Failed ? line.Replace(" - ", " ", StringComparison.Ordinal) : line;
        var words = LogLines.Words(text);
        if (words.Length >= 2)
        {
            // The harness stores the status word as printed; a prefix match such as "PASSEDX" keeps
            // its own word there, which cannot be a status, so we only record exact words.
            if (TestStatusNames.TryParse(words[0], out var exact))
            {
                map[nameOf is null ? words[1] : nameOf(words[1])] = exact;
            }
        }
        return true;
    }

    internal static bool StartsWithStatus(string line, out TestStatus status)
    {
        foreach (var (word, s) in TestStatusNames.All)
        {
            if (line.StartsWith(word, StringComparison.Ordinal))
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }
}
