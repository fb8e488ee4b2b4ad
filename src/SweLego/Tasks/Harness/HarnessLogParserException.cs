namespace SweLego.Tasks.Harness;

/// <summary>
/// A log on which the harness's own parser raises (an IndexError on a too-short line). The
/// harness then writes no report for the instance, which its run report counts as an error;
/// grading turns this exception into exactly that instead of inventing statuses.
/// </summary>
public sealed class HarnessLogParserException(string parser, HarnessVersion? version, int line, string text, string why)
    : Exception($"log parser '{parser}' (harness {version?.ToText() ?? "4.0.4 and 5.0.2"}) fails on line {line} ('{text.Trim()}'): {why}")
{
    public string Parser { get; } = parser;

    public int Line { get; } = line;
}
