using System.Diagnostics;
using System.Globalization;
using SweLego.Tasks.Synthetic.Coverage;
using SweLego.Tasks.Harness;

namespace SweLego.Tasks.Synthetic;

/// <summary>
/// Validates one bug candidate against the clean baseline: with the bug applied, first the tests
/// that execute its function (coverage-guided, <see cref="CoveringFirstRun"/>; skipped otherwise),
/// then, when one of them fails, the rest of the suite in the same run for the exact
/// FAIL_TO_PASS (passing at baseline, failing with the bug) and PASS_TO_PASS (passing in both)
/// lists. In the fast mode (<see cref="SyntheticContext.FastMode"/>) only the covering tests run
/// and the other tests' statuses are the baseline's: a test in PASS_TO_PASS grades every patch the
/// same way, and one that never executes the function cannot change; a sample of those instances
/// is audited with the whole suite. Flaky baseline tests are in neither list.
/// </summary>
internal sealed class BugValidator(SyntheticContext context)
{
    private const int EvidenceLines = 30;

    public async Task<(TaskInstance? Instance, SyntheticRejection? Rejection)> ValidateAsync(
        BugCandidate candidate, string id, TaskSandbox slot, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var bug = new SyntheticBug(candidate.Method, $"{candidate.File}::{candidate.Function}", candidate.Description);
        var (bugPatch, fixPatch) = await slot.DiffAsync(context.Commit, candidate.File, candidate.NewContent, cancellationToken);
        var session = await slot.SessionAsync(context.Environment, cancellationToken);
        if (await slot.PrepareAsync(session, context.Commit, [bugPatch], cancellationToken) is { } problem)
            return Reject(id, bug, SyntheticRejectionKind.Error, $"the bug patch does not apply: {problem}");

        TestRunResult full;
        IReadOnlyDictionary<string, TestStatus> statuses;
        string mode;
        if (context.Coverage is { } coverage)
        {
            var function = new FunctionKey(candidate.File, candidate.Function);
            var covering = coverage.TestsCovering(function).Where(context.PassingAtBaseline.Contains).Order(StringComparer.Ordinal).ToList();
            bool fast = context.FastMode && coverage.Covers(function) && covering.Count > 0;
            var first = await CoveringFirstRun.RunAsync(session, context.Spec.TestCommand, covering, fast, context.Parser, context.CandidateTimeout, cancellationToken);
            if (fast && first.Run.Outcome.IsGradable && !covering.All(first.Run.Outcome.Statuses.ContainsKey))
            {
                // A covering test the narrowed run did not report (not collected that way?): its absence
                // must not make it FAIL_TO_PASS, so this candidate gets the exact run.
                fast = false;
                first = await CoveringFirstRun.RunAsync(session, context.Spec.TestCommand, covering, false, context.Parser, context.CandidateTimeout, cancellationToken);
            }

            full = first.Run;
            if (first.StoppedEarly)
                return Reject(id, bug, SyntheticRejectionKind.Survived, $"none of the {covering.Count} tests that execute {candidate.Function} fails", testSeconds: full.Duration.TotalSeconds);
            statuses = fast ? WithBaseline(full.Outcome.Statuses, covering) : full.Outcome.Statuses;
            mode = fast ? SyntheticValidation.CoveringOnly : SyntheticValidation.CoveringFirst;
        }
        else
        {
            full = await SandboxTestRunner.RunAsync(session, context.Spec.TestCommand, [], context.Parser, context.CandidateTimeout, cancellationToken);
            statuses = full.Outcome.Statuses;
            mode = SyntheticValidation.WholeSuite;
        }

        double testSeconds = full.Duration.TotalSeconds;
        if (await UnusableAsync(full, slot) is { } fullProblem)
            return Reject(id, bug, fullProblem.Kind, $"the test suite {fullProblem.Reason}", Tail(full.Log), testSeconds);

        var validation = ValidationDiff.Compute(statuses, context.Baseline.Statuses, context.Baseline.Flaky);
        if (validation.FailToPass.Count == 0)
            return Reject(id, bug, SyntheticRejectionKind.Survived, "no test that passes without the bug fails with it", testSeconds: testSeconds);

        SyntheticAudit? audit = null;
        if (mode == SyntheticValidation.CoveringOnly && SyntheticAudits.Selects(context.Seed, id, context.AuditRate))
        {
            var whole = await SandboxTestRunner.RunAsync(session, await PytestForkServer.CommandAsync(session, context.Spec.TestCommand, [], cancellationToken), [], context.Parser, context.CandidateTimeout, cancellationToken);
            testSeconds += whole.Duration.TotalSeconds;
            if (await UnusableAsync(whole, slot) is { } wholeProblem)
            {
                audit = new SyntheticAudit([], $"the whole suite {wholeProblem.Reason}");
            }
            else
            {
                var exact = ValidationDiff.Compute(whole.Outcome.Statuses, context.Baseline.Statuses, context.Baseline.Flaky);
                audit = new SyntheticAudit(SyntheticAudits.Differences(validation, exact));
                validation = exact; // exact lists are better data; an audit that found no F2P keeps the fast ones
                if (validation.FailToPass.Count == 0)
                    return Reject(id, bug, SyntheticRejectionKind.Survived, "the whole-suite audit: no test that passes without the bug fails with it", testSeconds: testSeconds);
            }
        }

        var statement = await context.Statements.WriteAsync(validation.FailToPass, full.Log, cancellationToken);
        return (new TaskInstance
        {
            Repo = context.Mirror.Name,
            InstanceId = id,
            BaseCommit = await context.WorkspaceCommitAsync(bugPatch, cancellationToken),
            Patch = fixPatch,
            TestPatch = "",
            ProblemStatement = statement.Text,
            CreatedAt = context.CommitDate.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Version = context.Environment.Id,
            FailToPass = validation.FailToPass,
            PassToPass = validation.PassToPass,
            EnvironmentSetupCommit = context.Commit,
            Source = "synthetic",
            ProblemStatementWeak = !statement.FromModel,
            OriginalCommit = context.Commit,
            BugPatch = bugPatch,
            Bug = bug,
            Environment = context.Environment,
            Flaky = [.. context.Baseline.Flaky.Order(StringComparer.Ordinal)],
            Validation = new SyntheticValidation(mode, audit),
            Timings = new TaskTimings(0, 0, 0, testSeconds, total.Elapsed.TotalSeconds),
        }, null);
    }

    /// <summary>
    /// The fast mode's statuses: the covering tests' from their run (a covering test missing from
    /// it is absent, as in a whole-suite run), every other test's from the clean baseline. A test
    /// that does not execute the mutated function behaves as at baseline (up to what coverage misses).
    /// </summary>
    private Dictionary<string, TestStatus> WithBaseline(IReadOnlyDictionary<string, TestStatus> covered, IReadOnlyList<string> covering)
    {
        var ran = covering.ToHashSet(StringComparer.Ordinal);
        var statuses = context.Baseline.Statuses.Where(kv => !ran.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (test, status) in covered) statuses[test] = status;
        return statuses;
    }

    private static async Task<(SyntheticRejectionKind Kind, string Reason)?> UnusableAsync(TestRunResult run, TaskSandbox slot)
    {
        if (run.Outcome.IsGradable) return null;
        if (run.Outcome.Problem is TestRunProblem.TimedOut or TestRunProblem.NoExitCode)
        {
            await slot.ResetAsync(); // the session may be unusable after a kill; the next candidate starts a new one
            return (SyntheticRejectionKind.TimedOut, $"did not finish: {run.Outcome.Reason}");
        }

        return run.Outcome.Problem switch
        {
            TestRunProblem.CollectionError => (SyntheticRejectionKind.CrashesCollection, $"cannot be collected with the bug: {run.Outcome.Reason}"),
            TestRunProblem.ResourceLimit => (SyntheticRejectionKind.ResourceLimit, $"runs away with the bug: {run.Outcome.Reason}"),
            _ => (SyntheticRejectionKind.NotGradable, $"cannot be graded with the bug: {run.Outcome.Reason}"),
        };
    }

    private static (TaskInstance?, SyntheticRejection?) Reject(
        string id, SyntheticBug bug, SyntheticRejectionKind kind, string reason, string? evidence = null, double testSeconds = 0) =>
        (null, new SyntheticRejection { CandidateId = id, Bug = bug, Kind = kind, Reason = reason, Evidence = evidence, TestSeconds = testSeconds });

    private static string Tail(string log) => LogLines.Tail(log, EvidenceLines);
}
