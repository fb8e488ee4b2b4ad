namespace SweLego.Tasks.Synthetic.ProblemStatements;

/// <summary>
/// What a pytest <c>-rA</c> log says about one failing test: the <c>E   …</c> lines of its failure
/// and error sections (setup/call/teardown) and its short-summary lines
/// (<c>FAILED id - message</c>). No source lines: those could show the code under test.
/// </summary>
public sealed record TestFailureReport(string TestId, IReadOnlyList<string> ErrorLines, IReadOnlyList<string> SummaryLines)
{
    public bool IsEmpty => ErrorLines.Count == 0 && SummaryLines.Count == 0;
}
