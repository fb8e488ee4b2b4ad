namespace SweLego.Tasks.Harness;

/// <summary>
/// Turns the test command's output (the section between the markers) into test name → status.
/// Names are whatever the parser extracts, so they are only comparable with lists produced by
/// the same parser; that is why parsers carry stable names that tasks record.
/// </summary>
public interface ITestLogParser
{
    /// <summary>Stable id (`pytest`, `django`, ...), recorded in environment specs and instances.</summary>
    string Name { get; }

    /// <summary>Later lines win when a test appears twice, as in the harness's dict assignment.</summary>
    IReadOnlyDictionary<string, TestStatus> Parse(string log);
}
