namespace SweLego.Tasks.Synthetic.ProblemStatements;

/// <summary>
/// Reads a pytest <c>-rA</c> log: the FAILURES and ERRORS sections (headed
/// <c>____ TestClass.test_x[p] ____</c> or <c>____ ERROR at setup of test_x ____</c>) and the short
/// test summary. A node id <c>path::Class::test_x[p]</c> matches the headline <c>Class.test_x[p]</c>;
/// when several files have a test of that headline, the section naming the id's file wins.
/// </summary>
public static class PytestFailureLog
{
    /// <summary>At most this many E-lines per test; the rest is replaced by one "(N more lines)" line.</summary>
    public const int MaxErrorLines = 40;

    /// <summary>Longer lines are cut to this many characters.</summary>
    public const int MaxLineChars = 400;

    /// <summary>One report per id, in the order given (empty when the log says nothing about it).</summary>
    public static IReadOnlyList<TestFailureReport> Extract(string log, IReadOnlyList<string> testIds)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(testIds);
        var lines = log.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var sections = Sections(lines);
        var summary = SummaryLines(lines);
        return [.. testIds.Select(id => Report(id, sections, summary))];
    }

    private static TestFailureReport Report(string id, List<Section> sections, List<string> summary)
    {
        var (file, headline) = Headline(id);
        var matching = sections.Where(s => s.Headline == headline).ToList();
        if (matching.Select(s => s.Kind).Distinct().Count() < matching.Count)
        {
            // The same headline in several files: keep the sections that mention this id's file.
            var inFile = matching.Where(s => s.Lines.Any(l => l.StartsWith(file + ":", StringComparison.Ordinal))).ToList();
            matching = inFile.Count > 0 ? inFile : matching.Take(1).ToList();
        }

        var errors = matching.SelectMany(s => s.Lines).Where(l => l.StartsWith("E ", StringComparison.Ordinal) || l == "E").ToList();
        if (errors.Count > MaxErrorLines)
        {
            int more = errors.Count - MaxErrorLines;
            errors = [.. errors.Take(MaxErrorLines), $"E   ({more} more lines)"];
        }

        var summaryLines = summary.Where(l => IsSummaryOf(l, id)).ToList();
        return new TestFailureReport(id, [.. errors.Select(Cut)], [.. summaryLines.Select(Cut)]);
    }

    private static bool IsSummaryOf(string line, string id)
    {
        foreach (var status in (string[])["FAILED ", "ERROR "])
        {
            if (line.StartsWith(status, StringComparison.Ordinal) && line.AsSpan(status.Length).StartsWith(id, StringComparison.Ordinal))
            {
                int end = status.Length + id.Length;
                return end == line.Length || line[end] == ' ';
            }
        }

        return false;
    }

    /// <summary><c>tests/a.py::TestX::test_y[1]</c> → (<c>tests/a.py</c>, <c>TestX.test_y[1]</c>).</summary>
    private static (string File, string Headline) Headline(string id)
    {
        int bracket = id.IndexOf('[', StringComparison.Ordinal);
        string path = bracket < 0 ? id : id[..bracket];
        string parameters = bracket < 0 ? "" : id[bracket..];
        var parts = path.Split("::");
        return parts.Length == 1 ? (parts[0], parts[0] + parameters) : (parts[0], string.Join('.', parts.Skip(1)) + parameters);
    }

    private static List<Section> Sections(string[] lines)
    {
        var sections = new List<Section>();
        string? area = null;
        Section? current = null;
        foreach (var line in lines)
        {
            if (IsBanner(line, '='))
            {
                string title = line.Trim('=', ' ');
                area = title is "FAILURES" or "ERRORS" ? title : null;
                current = null;
                continue;
            }

            if (area is not null && IsBanner(line, '_'))
            {
                string headline = line.Trim('_', ' ');
                string kind = "call";
                foreach (var phase in (string[])["setup", "teardown"])
                {
                    string prefix = $"ERROR at {phase} of ";
                    if (headline.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        headline = headline[prefix.Length..];
                        kind = phase;
                    }
                }

                if (headline.StartsWith("ERROR collecting ", StringComparison.Ordinal))
                {
                    kind = "collect";
                    headline = headline["ERROR collecting ".Length..];
                }

                current = new Section(headline, kind, []);
                sections.Add(current);
                continue;
            }

            if (current is not null && IsBanner(line, '-') && line.Contains(" Captured ", StringComparison.Ordinal))
            {
                current = null; // captured stdout/stderr/log: the program's output, not pytest's report
                continue;
            }

            current?.Lines.Add(line);
        }

        return sections;
    }

    private static List<string> SummaryLines(string[] lines)
    {
        var summary = new List<string>();
        bool inSummary = false;
        foreach (var line in lines)
        {
            if (IsBanner(line, '='))
            {
                inSummary = line.Contains("short test summary info", StringComparison.Ordinal);
                continue;
            }

            if (inSummary)
            {
                summary.Add(line);
            }
        }

        return summary;
    }

    /// <summary>A pytest banner: <c>==== title ====</c> or <c>____ headline ____</c>.</summary>
    private static bool IsBanner(string line, char fill) =>
        line.Length >= 7 && line[0] == fill && line[^1] == fill && line.StartsWith(new string(fill, 3), StringComparison.Ordinal)
        && line.Contains(' ', StringComparison.Ordinal);

    private static string Cut(string line) => line.Length > MaxLineChars ? line[..MaxLineChars] + "…" : line;

    private sealed record Section(string Headline, string Kind, List<string> Lines);
}
