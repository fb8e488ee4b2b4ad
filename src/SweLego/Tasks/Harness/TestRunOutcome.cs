namespace SweLego.Tasks.Harness;

/// <summary>
/// One test command's result: parsed statuses, the exit code, and whether the run can be graded.
/// <see cref="Problem"/> and <see cref="Reason"/> explain any kind other than <see cref="TestRunKind.Completed"/>.
/// </summary>
public sealed record TestRunOutcome(
    TestRunKind Kind,
    IReadOnlyDictionary<string, TestStatus> Statuses,
    int? ExitCode,
    TestRunProblem? Problem,
    string? Reason)
{
    /// <summary>pytest's documented exit codes (pytest.ExitCode).</summary>
    private const int PytestInterrupted = 2;
    private const int PytestInternalError = 3;
    private const int PytestUsageError = 4;
    private const int PytestNoTestsCollected = 5;

    public bool IsGradable => Kind == TestRunKind.Completed;

    /// <summary>
    /// Cuts the marked section from <paramref name="fullLog"/>, parses it and classifies the run.
    /// </summary>
    /// <param name="exitCode">The test command's exit code; null when it is unknown (killed).</param>
    /// <param name="timedOut">The sandbox stopped the command at its time limit.</param>
    /// <param name="limitHit">The sandbox limit the command hit (<c>memory</c>, <c>process</c>, <c>output</c>, <c>disk</c>), if any.</param>
    public static TestRunOutcome Classify(string fullLog, int? exitCode, bool timedOut, ITestLogParser parser, string? limitHit = null)
    {
        ArgumentNullException.ThrowIfNull(fullLog);
        ArgumentNullException.ThrowIfNull(parser);
        var log = TestLog.Extract(fullLog);
        var statuses = log.Output is null ? Empty : parser.Parse(log.Output);
        if (timedOut)
        {
            return new(TestRunKind.Infrastructure, statuses, exitCode, TestRunProblem.TimedOut, "the test command timed out");
        }
        if (limitHit is not null)
        {
            return new(TestRunKind.Infrastructure, statuses, exitCode, TestRunProblem.ResourceLimit, $"the test command hit the sandbox's {limitHit} limit and was killed");
        }
        if (log.Output is null)
        {
            return new(TestRunKind.Infrastructure, statuses, exitCode,
                fullLog.Contains(TestLog.StartMarker, StringComparison.Ordinal) ? TestRunProblem.MissingEndMarker : TestRunProblem.MissingStartMarker,
                log.Problem);
        }
        return ClassifyOutput(log.Output, statuses, exitCode, IsPytest(parser));
    }

    private static TestRunOutcome ClassifyOutput(
        string output, IReadOnlyDictionary<string, TestStatus> statuses, int? exitCode, bool pytest)
    {
        if (exitCode is not { } code)
        {
            return new(TestRunKind.Infrastructure, statuses, exitCode, TestRunProblem.NoExitCode, "the test command has no exit code");
        }
        if (pytest)
        {
            // A module that fails to import hides all its tests; the run says nothing about them.
            if (output.Contains("ERROR collecting", StringComparison.Ordinal)
                || output.Contains("error during collection", StringComparison.Ordinal))
            {
                return new(TestRunKind.Infrastructure, statuses, code, TestRunProblem.CollectionError, "pytest could not collect the tests (collection error)");
            }
            if (code is PytestInternalError or PytestUsageError)
            {
                return PytestCodeOutcome(statuses, code);
            }
            if (code is PytestInterrupted or PytestNoTestsCollected && statuses.Count == 0)
            {
                return PytestCodeOutcome(statuses, code);
            }
        }
        if (statuses.Count == 0)
        {
            return new(TestRunKind.Infrastructure, statuses, code, TestRunProblem.NoResults, $"no test results in the output (exit code {code})");
        }

        var anyFailure = statuses.Values.Any(s => s.IsFail());
        if (code == 0 && anyFailure)
        {
            return new(TestRunKind.Inconsistent, statuses, code, TestRunProblem.ExitZeroWithFailures, "exit code 0 but the output reports failing tests");
        }
        if (code != 0 && !anyFailure)
        {
            return new(TestRunKind.Inconsistent, statuses, code, TestRunProblem.NonZeroExitWithoutFailures,
                $"exit code {code} but the output reports no failing test (printed PASSED lines?)");
        }
        return new(TestRunKind.Completed, statuses, code, null, null);
    }

    private static TestRunOutcome PytestCodeOutcome(IReadOnlyDictionary<string, TestStatus> statuses, int code)
    {
        var (problem, reason) = code switch
        {
            PytestInterrupted => (TestRunProblem.PytestInterrupted, "pytest was interrupted before reporting results (exit code 2)"),
            PytestInternalError => (TestRunProblem.PytestInternalError, "pytest hit an internal error (exit code 3)"),
            PytestUsageError => (TestRunProblem.PytestUsageError, "pytest was invoked incorrectly (exit code 4)"),
            _ => (TestRunProblem.NoTestsCollected, "pytest collected no tests (exit code 5)"),
        };
        return new(TestRunKind.Infrastructure, statuses, code, problem, reason);
    }

    private static bool IsPytest(ITestLogParser parser) => parser.Name.StartsWith("pytest", StringComparison.Ordinal);

    private static readonly IReadOnlyDictionary<string, TestStatus> Empty = new Dictionary<string, TestStatus>();
}
