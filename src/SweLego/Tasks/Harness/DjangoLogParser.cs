namespace SweLego.Tasks.Harness;

/// <summary>
/// `django`: the harness's parse_log_django over `./tests/runtests.py --verbosity 2` output
/// (`test_name (module.Class) ... ok|skipped 'why'|FAIL|ERROR`), including a status pushed to a
/// later line by the test's own output and the harness's three known interrupted-line patterns.
/// </summary>
/// <remarks>
/// Beyond the harness, a later line of exactly `FAIL`, `ERROR` or `skipped …` is attributed to the
/// pending test too (the harness only does this for `ok`); FAIL/ERROR grade the same as absent.
/// </remarks>
public sealed class DjangoLogParser : ITestLogParser
{
    public const string ParserName = "django";

    public string Name => ParserName;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return UnittestStyleLog.Parse(log, harnessNames: true);
    }
}
