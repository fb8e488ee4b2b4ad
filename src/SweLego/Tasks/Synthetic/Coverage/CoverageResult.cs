using System.Diagnostics.CodeAnalysis;
using SweLego.Tasks.Harness;

namespace SweLego.Tasks.Synthetic.Coverage;

/// <summary>
/// The outcome of <see cref="TestCoverage.CollectAsync"/>: a <see cref="Map"/>, or why there is
/// none (<see cref="Problem"/>, e.g. a collection error or a timeout, with the end of the log in
/// <see cref="LogTail"/>). <see cref="Run"/> is the test run itself, with its whole log.
/// </summary>
public sealed record CoverageResult(CoverageMap? Map, string? Problem, string? LogTail, TestRunResult Run)
{
    [MemberNotNullWhen(true, nameof(Map))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Map is not null;
}
