namespace SweLego.Tasks.Harness;

/// <summary>
/// `matplotlib`: the harness's parse_log_matplotlib, <see cref="PytestLogParser"/>'s rule after
/// writing `MouseButton.LEFT` as `1` and `MouseButton.RIGHT` as `3` in every line, because the
/// instances' lists were recorded with matplotlib versions whose ids printed the numbers.
/// </summary>
public sealed class MatplotlibLogParser(HarnessVersion version = HarnessVersions.Default) : ITestLogParser
{
    public const string ParserName = "matplotlib";

    public string Name => ParserName;

    public HarnessVersion Version => version;

    public IReadOnlyDictionary<string, TestStatus> Parse(string log) =>
        HarnessPytestLines.Parse(log, version, line: raw => raw.Replace("MouseButton.LEFT", "1", StringComparison.Ordinal).Replace("MouseButton.RIGHT", "3", StringComparison.Ordinal));
}
