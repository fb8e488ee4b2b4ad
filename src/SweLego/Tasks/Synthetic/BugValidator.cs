using System.Diagnostics;
using System.Globalization;
using SweLego.Tasks.Synthetic.Coverage;
using SweLego.Testing;

namespace SweLego.Tasks.Synthetic;

/// <summary>
/// Validates one bug candidate against the clean baseline: with the bug applied, first the tests
/// that execute its function (coverage-guided, <see cref="CoveringFirstRun"/>; skipped otherwise),
/// then, when one of them fails, the rest of the suite in the same run for the exact
/// FAIL_TO_PASS (passing at baseline, failing with the bug) and PASS_TO_PASS (passing in both)
/// lists. Flaky baseline tests are in neither.
/// </summary>
internal sealed class BugValidator(SyntheticContext context)
{
    private const int EvidenceLines = 30;

    public async Task<(TaskInstance? Instance, SyntheticRejection? Rejection)> ValidateAsync(
        BugCandidate candidate, string id, ValidationSlot slot, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var bug = new SyntheticBug(candidate.Method, $"{candidate.File}::{candidate.Function}", candidate.Description);
        var (bugPatch, fixPatch) = await slot.DiffAsync(context.Commit, candidate.File, candidate.NewContent, cancellationToken);
        var session = await slot.SessionAsync(context.Environment, cancellationToken);
        if (await slot.PrepareAsync(session, context.Commit, [bugPatch], cancellationToken) is { } problem)
            return Reject(id, bug, SyntheticRejectionKind.Error, $"the bug patch does not apply: {problem}");

        TestRunResult full;
        if (context.Coverage is { } coverage)
        {
            var covering = coverage.TestsCovering(new FunctionKey(candidate.File, candidate.Function)).Where(context.PassingAtBaseline.Contains).Order(StringComparer.Ordinal).ToList();
            var first = await CoveringFirstRun.RunAsync(session, context.Spec.TestCommand, covering, context.Parser, context.CandidateTimeout, cancellationToken);
            full = first.Run;
            if (first.StoppedEarly)
                return Reject(id, bug, SyntheticRejectionKind.Survived, $"none of the {covering.Count} tests that execute {candidate.Function} fails", testSeconds: full.Duration.TotalSeconds);
        }
        else
        {
            full = await SandboxTestRunner.RunAsync(session, context.Spec.TestCommand, [], context.Parser, context.CandidateTimeout, cancellationToken);
        }

        double testSeconds = full.Duration.TotalSeconds;
        if (await UnusableAsync(full, slot) is { } fullProblem)
            return Reject(id, bug, fullProblem.Kind, $"the test suite {fullProblem.Reason}", Tail(full.Log), testSeconds);

        var validation = ValidationDiff.Compute(full.Outcome.Statuses, context.Baseline.Statuses, context.Baseline.Flaky);
        if (validation.FailToPass.Count == 0)
            return Reject(id, bug, SyntheticRejectionKind.Survived, "no test that passes without the bug fails with it", testSeconds: testSeconds);

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
            Timings = new TaskTimings(0, 0, 0, testSeconds, total.Elapsed.TotalSeconds),
        }, null);
    }

    private static async Task<(SyntheticRejectionKind Kind, string Reason)?> UnusableAsync(TestRunResult run, ValidationSlot slot)
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
