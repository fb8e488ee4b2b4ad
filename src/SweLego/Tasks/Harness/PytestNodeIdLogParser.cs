namespace SweLego.Tasks.Harness;

/// <summary>
/// `pytest_nodeid`: SweLego's own reading of `pytest -rA` summary lines that keeps whole node
/// ids, so `test_p[a b]` and `test_p[a c]` stay two tests. For tasks we create; SWE-bench
/// instances keep the harness's <c>pytest</c> names.
/// </summary>
public sealed class PytestNodeIdLogParser : ITestLogParser
{
    public const string ParserName = "pytest_nodeid";

    public string Name => ParserName;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var map = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        foreach (var raw in LogLines.Split(log))
        {
            var line = LogLines.StripAnsi(raw).TrimEnd();
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !TestStatusNames.TryParse(line[..space], out var status))
            {
                continue;
            }
            var rest = line[(space + 1)..];
            // `SKIPPED [1] path:line: reason` names a location, not a test; skipped counts as
            // neither pass nor fail, so dropping it loses nothing.
            if (rest.StartsWith('['))
            {
                continue;
            }
            var name = NodeId(rest);
            if (name.Length > 0)
            {
                map[name] = status;
            }
        }
        return map;
    }

    /// <summary>
    /// The id ends where pytest appends " - message". A parametrized id may itself contain " - ",
    /// so inside brackets we look for the separator only after the closing bracket of the id.
    /// </summary>
    private static string NodeId(string rest)
    {
        var open = rest.IndexOf('[', StringComparison.Ordinal);
        var separator = rest.IndexOf(" - ", StringComparison.Ordinal);
        if (open < 0 || (separator >= 0 && separator < open))
        {
            return separator >= 0 ? rest[..separator] : rest;
        }
        var closeBeforeMessage = rest.IndexOf("] - ", open, StringComparison.Ordinal);
        if (closeBeforeMessage >= 0)
        {
            return rest[..(closeBeforeMessage + 1)];
        }
        return rest;
    }
}
