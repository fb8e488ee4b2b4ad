namespace SweLego.Tasks.Harness;

/// <summary>
/// `pytest`: the harness's parse_log_pytest over `pytest -rA` short-summary lines
/// (`PASSED tests/x.py::test_a`, `FAILED tests/x.py::test_b - AssertionError`); also the parser
/// of astroid, flask, marshmallow, pvlib, pyvista, sqlfluff and xarray.
/// </summary>
/// <remarks>
/// The name is the first word after the status, exactly as the harness splits it, so a
/// parametrized id with a space (`test_p[a b]`) becomes `test_p[a`. That is deliberate: the
/// FAIL_TO_PASS lists of existing SWE-bench instances were produced this way and grading
/// compares keys. Use <c>pytest_nodeid</c> for tasks we create ourselves.
/// </remarks>
public sealed class PytestLogParser(HarnessVersion version = HarnessVersions.Default) : ITestLogParser
{
    public const string ParserName = "pytest";

    public string Name => ParserName;

    public HarnessVersion Version => version;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log) => HarnessPytestLines.Parse(log, version);
}
