using System.Text.RegularExpressions;

namespace SweLego.Tasks.Harness;

/// <summary>
/// The line rule the harness's pytest-family parsers share (pytest, pytest_options, matplotlib,
/// and the first branch of pytest_v2): a line starting with a status word is `STATUS name ...`.
/// </summary>
internal static partial class HarnessPytestLines
{
    /// <summary>Python's `any(line.startswith(s) for s in statuses)`: `PASSEDX` and `ERROR:` count too.</summary>
    public static bool StartsWithStatusWord(string line)
    {
        foreach (var (word, _) in TestStatusNames.All)
        {
            if (line.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Python's `any(line.endswith(s) for s in statuses)`.</summary>
    public static bool EndsWithStatusWord(string line)
    {
        foreach (var (word, _) in TestStatusNames.All)
        {
            if (line.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// parse_log_pytest's reading of one line. The name is the first word after the status, so
    /// `test_p[a b]` becomes `test_p[a`; on FAILED lines every " - " is removed first (which cannot
    /// change that word). 5.0.2 skips `SKIPPED [N] file:line: reason`, which 4.0.4 keys as `[N]`.
    /// </summary>
    public static bool TryRead(string line, HarnessVersion version, out string name, out TestStatus status)
    {
        name = "";
        status = default;
        if (!StartsWithStatusWord(line))
        {
            return false;
        }
        if (line.StartsWith("FAILED", StringComparison.Ordinal))
        {
            line = line.Replace(" - ", " ", StringComparison.Ordinal);
        }
        var words = LogLines.Words(line);
        if (words.Length <= 1 || (version == HarnessVersion.V5_0_2 && IsSkipSummary(words[0], words[1])))
        {
            return false;
        }
        name = words[1];
        status = TestStatusNames.FromHarnessWord(words[0]);
        return true;
    }

    /// <summary>5.0.2's rule: only SKIPPED with a bare `[N]` is a summary count, not a test.</summary>
    /// <summary>
    /// The harness's pytest loop: every line <see cref="TryRead"/> reads, after <paramref name="line"/> rewrites it, keyed by
    /// <paramref name="key"/>(name); a later line for the same key wins.
    /// </summary>
    public static IReadOnlyDictionary<string, TestStatus> Parse(
        string log, HarnessVersion version, Func<string, string>? line = null, Func<string, string>? key = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var map = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        foreach (var raw in LogLines.Split(log))
        {
            if (TryRead(line is null ? raw : line(raw), version, out var name, out var status))
            {
                map[key is null ? name : key(name)] = status;
            }
        }
        return map;
    }

    public static bool IsSkipSummary(string word, string name) => word == "SKIPPED" && SkipCount().IsMatch(name);

    // Python's re.match(r"^\[\d+\]$"): `$` also matches before a final newline, which split() removed.
    [GeneratedRegex(@"^\[\d+\]$")]
    private static partial Regex SkipCount();
}
