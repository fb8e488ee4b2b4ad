using System.Diagnostics;
using System.Globalization;
using SweLego.Environments;
using SweLego.Environments.Inference;
using SweLego.Runs;
using SweLego.Tasks.Harness;

namespace SweLego.Tasks.Real;

/// <summary>
/// Validates one candidate the way SWE-bench validates a PR: split the change into patch and
/// test patch, run the test patch's test files at base + test patch and at base + test patch +
/// patch (<see cref="TaskMiningOptions.Runs"/> times each, so flaky tests are found), and keep
/// the candidate when at least one test goes from failing to passing. Every way out is an
/// instance or a rejection with its reason; the logs of every run are kept.
/// </summary>
internal sealed class CandidateValidator(RealTaskOptions options, RepositoryMirror mirror, EnvironmentPool environments, string logsRoot)
{
    private const int EvidenceLines = 30;

    // Before the fix a test patch that imports what the fix adds cannot be collected: its tests
    // are absent, which counts as failing (as in the SWE-bench harness).
    private static readonly IReadOnlySet<TestRunProblem> ToleratedBeforeFix = new HashSet<TestRunProblem> { TestRunProblem.CollectionError };

    public async Task<(TaskInstance? Instance, RealTaskRejection? Rejection)> ValidateAsync(
        RealCandidate candidate, TaskSandbox slot, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var (patches, binary) = await CandidatePatches.ComputeAsync(mirror.Git, candidate.BaseCommit, candidate.FixCommit, cancellationToken);
        if (patches is null)
            return Reject(candidate, RejectionKind.BinaryPatch, $"the change holds binary file(s): {string.Join(", ", binary)}");

        await slot.CheckoutAsync(candidate.BaseCommit, cancellationToken);
        EnvironmentSpec spec;
        try
        {
            spec = EnvironmentInference.InferCheckout(slot.Checkout);
        }
        catch (EnvironmentInferenceException e)
        {
            return Reject(candidate, RejectionKind.EnvironmentInference, $"configuration at {Short(candidate.BaseCommit)}: {e.Message}");
        }

        var targets = await TestTargetsAsync(candidate, patches, spec, cancellationToken);
        if (targets.Count == 0 && !options.FullSuite)
            return Reject(candidate, RejectionKind.NoTestFiles, $"the test patch touches no test module ({string.Join(", ", patches.TestFiles)})");

        var environmentClock = Stopwatch.StartNew();
        var environment = await environments.GetAsync(spec, candidate.BaseCommit, cancellationToken);
        double environmentSeconds = environmentClock.Elapsed.TotalSeconds;
        if (!environment.Build.Success)
        {
            return Reject(candidate, RejectionKind.EnvironmentBuild, $"environment {environment.Id}: {environment.Build.Problem} (whole build log: {environments.BuildLogPath(spec)})",
                environment.Build.Steps.Count > 0 ? Tail(environment.Build.Steps[^1].Output) : null);
        }

        var taskEnvironment = environments.Describe(environment);
        var session = await slot.SessionAsync(taskEnvironment, cancellationToken);
        var parser = TestLogParsers.Get(spec.LogParser);
        var run = new Func<IReadOnlySet<TestRunProblem>?, Task<TestBaselineResult>>(tolerated =>
            TestBaseline.RunAsync(session, spec.TestCommand, targets, parser, options.TestTimeout, options.Runs, tolerated, cancellationToken));

        if (await slot.PrepareAsync(session, candidate.BaseCommit, [patches.TestPatch], cancellationToken) is { } testPatchProblem)
            return Reject(candidate, RejectionKind.PatchDoesNotApply, $"the test patch does not apply at {Short(candidate.BaseCommit)}: {testPatchProblem}");
        var beforeClock = Stopwatch.StartNew();
        var before = await run(ToleratedBeforeFix);
        double beforeSeconds = beforeClock.Elapsed.TotalSeconds;
        WriteLogs(candidate, "before", before);

        if (await slot.PrepareAsync(session, candidate.BaseCommit, [patches.TestPatch, patches.Patch], cancellationToken) is { } patchProblem)
            return Reject(candidate, RejectionKind.PatchDoesNotApply, $"the gold patch does not apply at {Short(candidate.BaseCommit)}: {patchProblem}");
        var afterClock = Stopwatch.StartNew();
        var after = await run(null);
        double afterSeconds = afterClock.Elapsed.TotalSeconds;
        WriteLogs(candidate, "after", after);

        if (before.Runs.Concat(after.Runs).Any(r => r.Outcome.Problem is TestRunProblem.TimedOut or TestRunProblem.NoExitCode))
            await slot.ResetAsync();

        double testSeconds = before.Runs.Concat(after.Runs).Sum(r => r.Duration.TotalSeconds);
        var timings = new TaskTimings(environmentSeconds, beforeSeconds, afterSeconds, testSeconds, total.Elapsed.TotalSeconds);
        if (!after.IsUsable)
            return Reject(candidate, RejectionKind.EnvironmentIncompatible, $"the tests cannot run with the fix: {after.Problem}", Tail(after.Runs[^1].Log), timings);
        if (!before.IsUsable)
            return Reject(candidate, RejectionKind.EnvironmentIncompatible, $"the tests cannot run before the fix: {before.Problem}", Tail(before.Runs[^1].Log), timings);

        var flaky = before.Flaky.Union(after.Flaky, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var validation = ValidationDiff.Compute(before.Statuses, after.Statuses, flaky.ToHashSet(StringComparer.Ordinal));
        if (validation.FailToPass.Count == 0)
        {
            return Reject(candidate, RejectionKind.NoFailToPass,
                $"no test fails before the fix and passes after it ({validation.PassToPass.Count} pass both times, {validation.PassToFail.Count} break, {flaky.Count} flaky)",
                timings: timings);
        }

        return (new TaskInstance
        {
            Repo = mirror.Name,
            InstanceId = candidate.Id,
            BaseCommit = candidate.BaseCommit,
            Patch = patches.Patch,
            TestPatch = patches.TestPatch,
            ProblemStatement = candidate.ProblemStatement,
            HintsText = candidate.HintsText,
            CreatedAt = candidate.CreatedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Version = environment.Id,
            FailToPass = validation.FailToPass,
            PassToPass = validation.PassToPass,
            EnvironmentSetupCommit = environment.SetupCommit,
            Source = candidate.Source,
            ProblemStatementWeak = candidate.ProblemStatementWeak,
            FixCommit = candidate.FixCommit,
            Environment = taskEnvironment,
            TestFiles = targets,
            Flaky = flaky,
            PassToFail = validation.PassToFail,
            Timings = timings with { Total = total.Elapsed.TotalSeconds },
        }, null);
    }

    /// <summary>The test modules of the test patch that exist after the fix, named for the framework's runner.</summary>
    private async Task<IReadOnlyList<string>> TestTargetsAsync(RealCandidate candidate, CandidatePatches patches, EnvironmentSpec spec, CancellationToken cancellationToken)
    {
        if (options.FullSuite) return [];
        var targets = new List<string>();
        foreach (string file in patches.TestFiles.Where(f => f.EndsWith(".py", StringComparison.Ordinal) && TestPaths.IsTestModule(f)))
        {
            var exists = await mirror.Git.TryRunAsync(["cat-file", "-e", $"{candidate.FixCommit}:{file}"], null, cancellationToken);
            if (exists.Succeeded) targets.Add(TestPaths.TestTarget(spec.TestFramework, file));
        }

        return targets;
    }

    private void WriteLogs(RealCandidate candidate, string phase, TestBaselineResult result)
    {
        string folder = Path.Combine(logsRoot, candidate.Id);
        Directory.CreateDirectory(folder);
        for (int i = 0; i < result.Runs.Count; i++)
            AtomicFile.WriteAllText(Path.Combine(folder, $"{phase}-{i + 1}.log"), result.Runs[i].Log);
    }

    private static (TaskInstance?, RealTaskRejection?) Reject(
        RealCandidate candidate, RejectionKind kind, string reason, string? evidence = null, TaskTimings? timings = null) =>
        (null, new RealTaskRejection
        {
            CandidateId = candidate.Id, FixCommit = candidate.FixCommit, BaseCommit = candidate.BaseCommit, Kind = kind, Reason = reason,
            Evidence = evidence, Timings = timings,
        });

    private static string Tail(string log) => LogLines.Tail(log, EvidenceLines);

    private static string Short(string commit) => commit[..Math.Min(12, commit.Length)];
}
