using System.Text.RegularExpressions;

namespace SweLego.Tasks.Harness;

/// <summary>
/// `django`: the harness's parse_log_django over `./tests/runtests.py --verbosity 2` output
/// (`test_name (module.Class) ... ok|skipped 'why'|FAIL|ERROR`), the same in 4.0.4 and 5.0.2.
/// </summary>
/// <remarks>
/// Followed exactly, quirks included (README): a status pushed to a later line by the test's own
/// output is only recognised when it is `ok` (any stripped line starting with "ok" marks the last
/// test seen passed, even one that already failed); a later `FAIL`/`ERROR` is lost, so such a test
/// is absent; `FAIL:`/`ERROR:` summary lines add a key made of their second word only
/// (`test_x`, not `test_x (m.C)`); a line `FAIL:` alone raises in the harness
/// (<see cref="HarnessLogParserException"/>).
/// </remarks>
public sealed partial class DjangoLogParser : ITestLogParser
{
    public const string ParserName = "django";

    private const string VersionLine = "--version is equivalent to version";

    public string Name => ParserName;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var map = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        string? previousTest = null;
        var lineNumber = 0;
        foreach (var raw in LogLines.Split(log))
        {
            lineNumber++;
            var line = LogLines.Strip(raw);
            if (line.Contains(VersionLine, StringComparison.Ordinal))
            {
                map[VersionLine] = TestStatus.Passed;
            }
            if (line.Contains(" ... ", StringComparison.Ordinal))
            {
                previousTest = LogLines.Before(line, " ... ");
            }
            foreach (var suffix in (string[])[" ... ok", " ... OK", " ...  OK"])
            {
                if (line.EndsWith(suffix, StringComparison.Ordinal))
                {
                    // The harness's fix for one instance (django__django-7188), whose migration
                    // output shares the test's line; it rebinds the line for the checks below too.
                    if (line.StartsWith("Applying sites.0002_alter_domain_unique...test_no_migrations", StringComparison.Ordinal))
                    {
                        line = LogLines.Strip(line[(line.IndexOf("...", StringComparison.Ordinal) + 3)..]);
                    }
                    map[line[..line.LastIndexOf(suffix, StringComparison.Ordinal)]] = TestStatus.Passed;
                    break;
                }
            }
            if (line.Contains(" ... skipped", StringComparison.Ordinal))
            {
                map[LogLines.Before(line, " ... skipped")] = TestStatus.Skipped;
            }
            if (line.EndsWith(" ... FAIL", StringComparison.Ordinal))
            {
                map[LogLines.Before(line, " ... FAIL")] = TestStatus.Failed;
            }
            if (line.StartsWith("FAIL:", StringComparison.Ordinal))
            {
                map[SecondWord(line, lineNumber)] = TestStatus.Failed;
            }
            if (line.EndsWith(" ... ERROR", StringComparison.Ordinal))
            {
                map[LogLines.Before(line, " ... ERROR")] = TestStatus.Error;
            }
            if (line.StartsWith("ERROR:", StringComparison.Ordinal))
            {
                map[SecondWord(line, lineNumber)] = TestStatus.Error;
            }
            if (line.StartsWith("ok", StringComparison.Ordinal) && previousTest is not null)
            {
                map[previousTest] = TestStatus.Passed;
            }
        }

        foreach (var pattern in (Regex[])[InterruptedBySettingsBanner(), InterruptedByServerError(), InterruptedBySystemCheck()])
        {
            foreach (Match match in pattern.Matches(log))
            {
                map[match.Groups[1].Value] = TestStatus.Passed;
            }
        }
        return map;
    }

    private static string SecondWord(string line, int lineNumber)
    {
        var words = LogLines.Words(line);
        return words.Length >= 2
            ? words[1]
            : throw new HarnessLogParserException(ParserName, null, lineNumber, line,
                "the harness takes the second word of a FAIL:/ERROR: line and raises IndexError when there is none");
    }

    // The harness's three patterns for Django output that interrupts a test line before its "ok".
    [GeneratedRegex(@"^(.*?)\s\.\.\.\sTesting\ against\ Django\ installed\ in\ ((?s:.*?))\ silenced\)\.\nok$", RegexOptions.Multiline)]
    internal static partial Regex InterruptedBySettingsBanner();

    [GeneratedRegex(@"^(.*?)\s\.\.\.\sInternal\ Server\ Error:\ \/(.*)\/\nok$", RegexOptions.Multiline)]
    internal static partial Regex InterruptedByServerError();

    [GeneratedRegex(@"^(.*?)\s\.\.\.\sSystem check identified no issues \(0 silenced\)\nok$", RegexOptions.Multiline)]
    internal static partial Regex InterruptedBySystemCheck();
}
