using System.Text.RegularExpressions;

namespace SweLego.Tasks.Harness;

/// <summary>
/// The line rules shared by the Django runner and `python -m unittest -v`, both of which print
/// `test_name (module.Class) ... status`, where output of the test itself can push the status
/// onto a later line (`... noise` then `ok`).
/// </summary>
internal static partial class UnittestStyleLog
{
    /// <param name="harnessNames">
    /// True for `django_strict`: names exactly as the harness's `django` keys them (the `FAIL:`/`ERROR:` summary
    /// lines contribute their first word only). False for `unittest`: summary lines and
    /// docstring-described tests keep the `name (module.Class)` id.
    /// </param>
    public static Dictionary<string, TestStatus> Parse(string log, bool harnessNames)
    {
        var map = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        string? previousTest = null;
        string? idLine = null;
        // True while the last " ... " line is still waiting for its status; only then may a bare
        // status line belong to it, so a stray "FAIL" in later output cannot flip a finished test.
        var pending = false;
        foreach (var raw in LogLines.Split(log))
        {
            var line = raw.Trim();
            if (harnessNames && line.Contains("--version is equivalent to version", StringComparison.Ordinal))
            {
                map["--version is equivalent to version"] = TestStatus.Passed;
            }

            var dots = line.IndexOf(" ... ", StringComparison.Ordinal);
            if (dots >= 0)
            {
                previousTest = line[..dots];
                // unittest prints a docstring's first line in place of the id, on the line after
                // the id; naming the test by the id keeps it matchable with the FAIL: summary.
                if (!harnessNames && idLine is not null && !TestId().IsMatch(previousTest))
                {
                    previousTest = idLine;
                }
            }
            idLine = !harnessNames && TestId().IsMatch(line) ? line : null;

            if (dots >= 0)
            {
                // The harness keys a status line by everything before the last " ... " (rsplit).
                var last = line.LastIndexOf(" ... ", StringComparison.Ordinal);
                var name = harnessNames ? line[..last] : previousTest!;
                var status = line[(last + 5)..].TrimStart();
                var parsed = ReadStatus(status, harnessNames);
                if (parsed is not null)
                {
                    map[name] = parsed.Value;
                }
                pending = parsed is null;
                continue;
            }

            if (line.StartsWith("FAIL:", StringComparison.Ordinal) || line.StartsWith("ERROR:", StringComparison.Ordinal))
            {
                var status = line[0] == 'F' ? TestStatus.Failed : TestStatus.Error;
                var words = LogLines.Words(line);
                if (words.Length >= 2)
                {
                    map[harnessNames ? words[1] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()] = status;
                }
                continue;
            }

            // The status landed on a later line because the test printed after the " ... ".
            // The harness applies a later "ok" to the last test even when it already had a status.
            if (previousTest is not null && (pending || harnessNames) && LaterLineStatus(line, harnessNames, pending) is { } later)
            {
                map[previousTest] = later;
                pending = false;
            }
        }

        if (harnessNames)
        {
            foreach (var pattern in (Regex[])[DjangoLogParser.InterruptedBySettingsBanner(), DjangoLogParser.InterruptedByServerError(), DjangoLogParser.InterruptedBySystemCheck()])
            {
                foreach (Match match in pattern.Matches(log))
                {
                    map[match.Groups[1].Value] = TestStatus.Passed;
                }
            }
        }
        return map;
    }

    private static TestStatus? ReadStatus(string status, bool harnessNames)
    {
        if (status is "ok" or "OK")
        {
            return TestStatus.Passed;
        }
        if (status.StartsWith("skipped", StringComparison.Ordinal))
        {
            return TestStatus.Skipped;
        }
        if (status == "FAIL")
        {
            return TestStatus.Failed;
        }
        if (status == "ERROR")
        {
            return TestStatus.Error;
        }
        if (!harnessNames && status == "expected failure")
        {
            return TestStatus.XFail;
        }
        // An unexpected success fails the run (unittest exits 1), so it must not grade as a pass.
        if (!harnessNames && status == "unexpected success")
        {
            return TestStatus.Failed;
        }
        return null;
    }

    private static TestStatus? LaterLineStatus(string line, bool harnessNames, bool pending)
    {
        // The harness accepts any line starting with "ok" here; we keep that for `django`.
        if (harnessNames ? line.StartsWith("ok", StringComparison.Ordinal) : line == "ok")
        {
            return TestStatus.Passed;
        }
        if (!pending)
        {
            return null;
        }
        return line switch
        {
            "FAIL" => TestStatus.Failed,
            "ERROR" => TestStatus.Error,
            _ when line.StartsWith("skipped ", StringComparison.Ordinal) || line == "skipped" => TestStatus.Skipped,
            "expected failure" when !harnessNames => TestStatus.XFail,
            "unexpected success" when !harnessNames => TestStatus.Failed,
            _ => null,
        };
    }

    [GeneratedRegex(@"^\w+ \([\w.]+\)$")]
    private static partial Regex TestId();
}
