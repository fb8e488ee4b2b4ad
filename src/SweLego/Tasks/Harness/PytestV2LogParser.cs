namespace SweLego.Tasks.Harness;

/// <summary>
/// `pytest_v2`: the harness's parse_log_pytest_v2 (astropy, scikit-learn, sphinx). Removes
/// colour codes, reads `STATUS name` lines like <see cref="PytestLogParser"/>, and otherwise a line
/// that ends with a status word as `name STATUS` (verbose output of older pytest, astropy's
/// `-vv -o console_output_style=classic`).
/// </summary>
/// <remarks>
/// Followed exactly, including what looks like a bug (see the README): a verbose line with a
/// progress column (`x.py::t PASSED [ 50%]`) ends with `]`, so it is not read at all; only
/// `ESC[NNm` is removed, so a compound `ESC[1;31m` leaves `[1;31m` in front of the status and the
/// line no longer starts with it. 4.0.4 keys `name STATUS` lines by the first word and takes the
/// second as the status (`test_p[a b] PASSED` → `test_p[a` with status `b]`); 5.0.2 joins all words
/// but the last. On `STATUS name` lines 5.0.2 keeps everything after the status as the name, cut at
/// the first " - " only on FAILED lines (an ERROR line's message stays in its name), and skips the
/// `SKIPPED [N]` summary.
/// </remarks>
public sealed class PytestV2LogParser(HarnessVersion version = HarnessVersions.Default) : ITestLogParser
{
    public const string ParserName = "pytest_v2";

    public string Name => ParserName;

    public HarnessVersion Version => version;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var map = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        var v5 = version == HarnessVersion.V5_0_2;
        foreach (var raw in LogLines.Split(log))
        {
            var line = LogLines.HarnessStripColour(raw);
            if (HarnessPytestLines.StartsWithStatusWord(line))
            {
                if (line.StartsWith("FAILED", StringComparison.Ordinal))
                {
                    line = v5 ? LogLines.Before(line, " - ") : line.Replace(" - ", " ", StringComparison.Ordinal);
                }
                var words = LogLines.Words(line);
                if (words.Length >= 2 && !(v5 && HarnessPytestLines.IsSkipSummary(words[0], words[1])))
                {
                    map[v5 ? string.Join(' ', words[1..]) : words[1]] = TestStatusNames.FromHarnessWord(words[0]);
                }
            }
            else if (HarnessPytestLines.EndsWithStatusWord(line))
            {
                var words = LogLines.Words(line);
                if (words.Length >= 2)
                {
                    if (v5)
                    {
                        map[string.Join(' ', words[..^1])] = TestStatusNames.FromHarnessWord(words[^1]);
                    }
                    else
                    {
                        map[words[0]] = TestStatusNames.FromHarnessWord(words[1]);
                    }
                }
            }
        }
        return map;
    }
}
