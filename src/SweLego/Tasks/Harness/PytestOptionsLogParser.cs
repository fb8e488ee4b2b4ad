using System.Text.RegularExpressions;

namespace SweLego.Tasks.Harness;

/// <summary>
/// `pytest_options`: the harness's parse_log_pytest_options (requests, pylint, pydicom). Like
/// <see cref="PytestLogParser"/>, but a parametrized id whose option is an absolute path keeps
/// only the last path segment, so ids do not depend on where the repository was checked out
/// (`test_x[/tmp/abc/data.txt]` → `test_x[/data.txt]`).
/// </summary>
public sealed partial class PytestOptionsLogParser(HarnessVersion version = HarnessVersions.Default) : ITestLogParser
{
    public const string ParserName = "pytest_options";

    public string Name => ParserName;

    public HarnessVersion Version => version;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log) => HarnessPytestLines.Parse(log, version, key: Normalize);

    private static string Normalize(string name)
    {
        var match = Option().Match(name);
        if (!match.Success)
        {
            return name;
        }
        var main = match.Groups[1].Value;
        var option = match.Groups[2].Value;
        if (option.StartsWith('/') && !option.StartsWith("//", StringComparison.Ordinal) && !option.Contains('*', StringComparison.Ordinal))
        {
            option = "/" + option[(option.LastIndexOf('/') + 1)..];
        }
        return $"{main}[{option}]";
    }

    // Python's re.search with a lazy head and a greedy option: the first '[' to the last ']'.
    [GeneratedRegex(@"(.*?)\[(.*)\]")]
    private static partial Regex Option();
}
