namespace SweLego.Tasks.Harness;

/// <summary>
/// `django_strict`: SweLego's reading of `./tests/runtests.py --verbosity 2` output for tasks we
/// create from Django repositories (environment inference records it). Names as the harness keys
/// them, but a status is only taken from a line that can belong to the pending test.
/// </summary>
/// <remarks>
/// Departures from the harness's <see cref="DjangoLogParser"/>, none of which can turn a harness
/// failure into a pass: a later line of exactly `FAIL`, `ERROR` or `skipped …` is attributed to the
/// pending test (the harness only does this for `ok`), and a later line merely starting with `ok`
/// marks nothing once the pending test has its status.
/// </remarks>
public sealed class DjangoStrictLogParser : ITestLogParser
{
    public const string ParserName = "django_strict";

    public string Name => ParserName;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return UnittestStyleLog.Parse(log, harnessNames: true);
    }
}
