using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SweLego.Environments;
using SweLego.Environments.Inference;
using SweLego.Python;
using SweLego.Runs;
using SweLego.Runs.Stages;
using SweLego.Tasks.Real;
using SweLego.Tasks.Synthetic.Coverage;
using SweLego.Models;
using SweLego.Python.Semantics;
using SweLego.Tasks.Synthetic.ProblemStatements;
using SweLego.Tasks.Synthetic.Rewrite;
using SweLego.Tasks.Harness;

namespace SweLego.Tasks.Synthetic;

/// <summary>
/// <c>swelego tasks synth</c>: injects bugs into the functions a repository's tests execute and
/// keeps those the tests catch, as SWE-bench instances whose gold patch reverts the bug (stage
/// <see cref="Stage"/>). The clean suite runs <see cref="TaskMiningOptions.Runs"/> times
/// (flaky tests are left out), a tracer maps tests to functions, candidates from every selected
/// method are ordered by a seeded shuffle, and each is validated first with its covering tests,
/// then with the whole suite, by the <see cref="StageRunner"/> (<see cref="SyntheticTaskWork"/>). Resumable like
/// <see cref="RealTaskMiner"/>: one JSONL line per candidate.
/// </summary>
public static class SyntheticTaskMiner
{
    public const string Stage = "tasks-synth";
    public const string InstancesFile = "instances.jsonl";
    public const string RejectedFile = "rejected.jsonl";

    /// <summary>The progress phase of a session that reuses an earlier session's baseline.json (and coverage.json) instead of running the suite.</summary>
    public const string BaselineReusedPhase = "baseline: reused";

    public static async Task<SyntheticTaskSummary> RunAsync(
        RunFolder run, SyntheticTaskOptions options, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return await run.GuardStageAsync(Stage, () => RunStageAsync(run, options, progress, cancellationToken));
    }

    private static async Task<SyntheticTaskSummary> RunStageAsync(
        RunFolder run, SyntheticTaskOptions options, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        run.StartStage(Stage);
        progress?.Report(StageProgress.Starting(Stage, "environment"));

        var backend = options.CreateBackend();
        var mirror = await RunResources.MirrorAsync(run, options.Repository, cancellationToken);
        string commit = (await mirror.Git.RunAsync(["rev-parse", "--verify", (options.Commit ?? mirror.Head) + "^{commit}"], cancellationToken)).Trim();
        var commitDate = DateTimeOffset.Parse((await mirror.Git.RunAsync(["show", "-s", "--format=%cI", commit], cancellationToken)).Trim(), CultureInfo.InvariantCulture);
        string work = run.StagePath(Stage, "work");
        Directory.CreateDirectory(work);
        var pool = new EnvironmentPool(backend, options.Offline, mirror, run);
        var first = new TaskSandbox(Path.Combine(work, "slot-1"), mirror.Path, backend, run.DirectoryPath);
        try
        {
            await first.CheckoutAsync(commit, cancellationToken);
            EnvironmentSpec spec;
            try
            {
                spec = EnvironmentInference.InferCheckout(first.Checkout);
            }
            catch (EnvironmentInferenceException e)
            {
                throw new EnvironmentInferenceException($"{options.Repository} at {commit[..12]}: {e.Message}", e);
            }

            var pooled = await pool.GetAsync(spec, commit, cancellationToken);
            if (!pooled.Build.Success)
                throw new InvalidOperationException($"The environment of {options.Repository} at {commit[..12]} could not be built: {pooled.Build.Problem}.\n{pooled.Build.FailureReport()}\nWhole build log: {pool.BuildLogPath(spec)}");
            var environment = pool.Describe(pooled);

            var model = options.Model is { } modelOptions ? new ModelClient(modelOptions) : null;
            var context = await BaselineAsync(run, options, mirror, commit, commitDate, spec, environment, first, work, model, progress, cancellationToken);

            progress?.Report(StageProgress.Starting(Stage, "generating"));
            var history = SyntheticTaskWork.Records.Read(run);
            var generation = Stopwatch.StartNew();
            var targets = Targets(first.Checkout, context).ToList();
            var candidates = Generate(targets, options.Mutators, mirror, commit);
            generation.Stop();
            var rewrites = new List<SyntheticRejection>();
            if (options.Rewrites)
            {
                progress?.Report(StageProgress.Starting(Stage, $"{LlmRewriter.Id}: asking {options.Model!.Endpoint}"));
                var (rewritten, failed) = await RewriteAsync(targets, new LlmRewriter(model!), options.Jobs, mirror, commit, history.IsDone, cancellationToken);
                candidates.AddRange(rewritten);
                rewrites.AddRange(failed);
            }

            // Sorted first, so the shuffle depends only on the seed and the candidates, not on enumeration order.
            candidates.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            var ordered = candidates.ToArray();
            new Random(options.Seed).Shuffle(ordered);

            var validation = Stopwatch.StartNew();
            var stageWork = new SyntheticTaskWork(options, context, work, first, rewrites, history.Results, backend, run.DirectoryPath);
            var ran = await StageRunner.RunAsync(run, stageWork, ordered, new StageRunOptions { Jobs = options.Jobs, Max = options.Max }, progress, cancellationToken);
            var modes = stageWork.Modes;
            run.UpdateStage(Stage, s => s.WithCount("kept_fast", modes.ByMode.GetValueOrDefault(SyntheticValidation.CoveringOnly))
                .WithCount("audited", modes.Audited).WithCount("audit_differed", modes.Differed));
            run.CompleteStage(Stage);
            return new SyntheticTaskSummary(mirror.Name, commit, targets.Count, candidates.Count, ran.Count(StageOutcomes.Kept), stageWork.KeptByMethod,
                RejectionOutcomes.ByKind(ran.Counts, SyntheticRejectionKind.Error), candidates.Count(c => ran.SkippedKeys.Contains(c.Id)),
                run.StagePath(Stage, InstancesFile), run.StagePath(Stage, RejectedFile), clock.Elapsed, generation.Elapsed, validation.Elapsed, pool.BuildTime)
            {
                KeptByMode = modes.ByMode, Audited = modes.Audited, AuditDiffered = modes.Differed, BaselineReused = context.BaselineReused, FastMode = context.FastMode,
            };
        }
        finally
        {
            // The runner disposed it if it lent it; disposing again is harmless.
            await first.DisposeAsync();
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// The clean suite, <see cref="TaskMiningOptions.Runs"/> times, and (pytest) the coverage run;
    /// both written to the stage folder, and both reused from there when an earlier session measured
    /// them on the same commit and environment (<see cref="SyntheticBaselineRecord"/>).
    /// </summary>
    private static async Task<SyntheticContext> BaselineAsync(
        RunFolder run, SyntheticTaskOptions options, RepositoryMirror mirror, string commit, DateTimeOffset commitDate, EnvironmentSpec spec,
        TaskEnvironment environment, TaskSandbox slot, string work, IModelClient? model, IProgress<StageProgress>? progress,
        CancellationToken cancellationToken)
    {
        var parser = TestLogParsers.Get(spec.LogParser);
        string baselinePath = run.StagePath(Stage, "baseline.json"), coveragePath = run.StagePath(Stage, "coverage.json");
        var key = new SyntheticBaselineRecord
        {
            Commit = commit, EnvironmentHash = spec.ContentHash, Backend = options.Backend, Runs = options.Runs,
            Statuses = new Dictionary<string, TestStatus>(), Flaky = [], Passing = [], SlowestRunSeconds = 0,
        };
        var record = SyntheticBaselineRecord.TryRead(baselinePath) is { } earlier && earlier.SameKey(key) ? earlier : null;
        bool reused = record is not null;
        progress?.Report(StageProgress.Starting(Stage, reused ? BaselineReusedPhase : "baseline"));
        if (record is null)
        {
            var session = await slot.SessionAsync(environment, cancellationToken);
            await slot.PrepareAsync(session, commit, [], cancellationToken);
            var measured = await TestBaseline.RunAsync(session, spec.TestCommand, [], parser, options.TestTimeout, options.Runs, cancellationToken: cancellationToken);
            if (!measured.IsUsable)
                throw new InvalidOperationException($"The test suite of {commit[..12]} cannot be graded, so no bug can be validated: {measured.Problem}");
            record = key with
            {
                Statuses = measured.Statuses.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                Flaky = [.. measured.Flaky.Order(StringComparer.Ordinal)],
                Passing = [.. measured.Statuses.Where(kv => kv.Value.IsPass()).Select(kv => kv.Key).Order(StringComparer.Ordinal)],
                SlowestRunSeconds = measured.Runs.Max(r => r.Duration).TotalSeconds,
            };
            if (File.Exists(coveragePath)) File.Delete(coveragePath); // measured on what the old baseline was
            AtomicFile.WriteJson(baselinePath, record, RunJson.IndentedOptions);
        }

        var baseline = record.ToResult();
        var passing = record.Passing.ToHashSet(StringComparer.Ordinal);

        // Coverage needs pytest; without it (or when the traced run fails) every candidate runs the whole suite.
        CoverageMap? coverage = null;
        if (options.CoverageGuided && spec.TestFramework == "pytest")
        {
            if (reused && File.Exists(coveragePath)) coverage = CoverageMap.Read(coveragePath);
            else
            {
                var session = await slot.SessionAsync(environment, cancellationToken);
                await slot.PrepareAsync(session, commit, [], cancellationToken);
                var traced = await TestCoverage.CollectAsync(session, spec.TestCommand, [], options.TestTimeout, cancellationToken);
                coverage = traced.Map;
                if (coverage is not null) coverage.Write(coveragePath);
                else AtomicFile.WriteAllText(run.StagePath(Stage, "coverage-problem.txt"), $"{traced.Problem}\n{traced.LogTail}\n");
            }
        }

        var missing = coverage?.MissingFor(passing.Where(t => !baseline.Flaky.Contains(t))) ?? [];
        if (coverage is not null && missing.Count > 0)
        {
            AtomicFile.WriteAllText(run.StagePath(Stage, "coverage-incomplete.txt"),
                $"The fast mode is off: {missing.Count} test(s) passing at baseline have no complete coverage record (not recorded, or not passing under the tracer):\n{string.Join('\n', missing)}\n");
        }

        bool fast = coverage is not null && missing.Count == 0 && !options.ExactPassToPass;
        run.UpdateStage(Stage, s => s.WithCount("baseline_reused", reused ? 1 : 0).WithCount("coverage_incomplete_tests", missing.Count).WithCount("fast_mode", fast ? 1 : 0));
        return new SyntheticContext
        {
            Mirror = mirror, Commit = commit, CommitDate = commitDate, Spec = spec, Environment = environment, Parser = parser,
            Baseline = baseline, PassingAtBaseline = passing, Coverage = coverage, ScratchDirectory = work,
            CandidateTimeout = TimeSpan.FromTicks(Math.Min(options.TestTimeout.Ticks,
                Math.Max(TimeSpan.FromSeconds(30).Ticks, 10 * TimeSpan.FromSeconds(record.SlowestRunSeconds).Ticks))),
            Statements = new ProblemStatementWriter(model),
            FastMode = fast, BaselineReused = reused, AuditRate = options.AuditRate, Seed = options.Seed,
        };
    }

    /// <summary>
    /// The functions to inject bugs into, in file and line order: every function of a non-test
    /// module, or (coverage-guided) those a test that passes at baseline executes.
    /// </summary>
    private static IEnumerable<(ParsedModule Module, PythonFunction Function)> Targets(string checkout, SyntheticContext context)
    {
        var files = Directory.EnumerateFiles(checkout, "*.py", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint })
            .Select(f => Path.GetRelativePath(checkout, f).Replace('\\', '/'))
            .Where(f => !TestPaths.IsTestPath(f))
            .Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            var module = PythonSource.Parse(File.ReadAllBytes(Path.Combine(checkout, file)), file);
            if (module.HasErrors) continue;
            foreach (var function in module.Functions)
            {
                if (context.Coverage is { } coverage && !coverage.TestsCovering(new FunctionKey(file, function.QualifiedName)).Any(context.PassingAtBaseline.Contains)) continue;
                yield return (module, function);
            }
        }
    }

    /// <summary>Every candidate of every selected mutator on every target function, each with its id; an identical change only once.</summary>
    private static List<(string Id, BugCandidate Candidate)> Generate(
        List<(ParsedModule Module, PythonFunction Function)> targets, IReadOnlyList<IBugMutator> mutators, RepositoryMirror mirror, string commit)
    {
        var all = new List<(string, BugCandidate)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in targets.SelectMany(t => mutators.SelectMany(m => m.Candidates(t.Module, t.Function))))
        {
            string hash = Hash([.. Encoding.UTF8.GetBytes(candidate.File + "\0"), .. candidate.NewContent]);
            if (seen.Add(hash)) all.Add((CandidateId(mirror, commit, candidate.Method, hash), candidate));
        }

        return all;
    }

    /// <summary>
    /// One <c>llm.rewrite</c> per documented target function, <see cref="TaskMiningOptions.Jobs"/> requests at
    /// once. Its id depends on the function only, so a resumed run never asks the model again for a
    /// function an earlier session settled; a failed rewrite is a rejection with the model's reason.
    /// </summary>
    private static async Task<(List<(string Id, BugCandidate Candidate)> Candidates, List<SyntheticRejection> Failed)> RewriteAsync(
        List<(ParsedModule Module, PythonFunction Function)> targets, LlmRewriter rewriter, int jobs, RepositoryMirror mirror, string commit,
        Func<string, bool> isDone, CancellationToken cancellationToken)
    {
        var candidates = new ConcurrentBag<(string, BugCandidate)>();
        var failed = new ConcurrentBag<SyntheticRejection>();
        var documented = targets
            .Where(t => t.Function.Docstring is not null)
            .Select(t => (t.Module, t.Function, Id: CandidateId(mirror, commit, LlmRewriter.Id, Hash(Encoding.UTF8.GetBytes($"{t.Module.Path}::{t.Function.QualifiedName}")))))
            .Where(t => !isDone(t.Id))
            .ToList();
        await Parallel.ForEachAsync(documented, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken }, async (target, token) =>
        {
            var result = await rewriter.RewriteAsync(target.Module, target.Function, token);
            if (result.Candidate is { } candidate) candidates.Add((target.Id, candidate));
            else
            {
                failed.Add(new SyntheticRejection
                {
                    CandidateId = target.Id,
                    Bug = new SyntheticBug(LlmRewriter.Id, $"{target.Module.Path}::{target.Function.QualifiedName}", "rewrite from the header and docstring"),
                    Kind = SyntheticRejectionKind.NoCandidate,
                    Reason = result.Failure!,
                    Evidence = result.Reply,
                });
            }
        });
        return ([.. candidates], [.. failed]);
    }

    private static string CandidateId(RepositoryMirror mirror, string commit, string method, string hash) => $"{mirror.IdPrefix}.{commit[..8]}.{method}__{hash}";

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..8];
}
