namespace SweLego.Tasks.Harness;

/// <summary>
/// `unittest`: `python -m unittest -v` output, the same shape as Django's runner. Names are the
/// `test_name (module.Class.test_name)` ids, also for tests whose docstring replaces the id on the
/// status line and for the `FAIL:`/`ERROR:` summary; `expected failure` is XFAIL and
/// `unexpected success` is FAILED (it makes unittest exit 1).
/// </summary>
public sealed class UnittestLogParser : ITestLogParser
{
    public const string ParserName = "unittest";

    public string Name => ParserName;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return UnittestStyleLog.Parse(log, harnessNames: false);
    }
}
