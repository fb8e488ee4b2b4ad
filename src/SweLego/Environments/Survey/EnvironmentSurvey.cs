using System.Diagnostics;
using System.Text.RegularExpressions;
using SweLego.Environments.Backends;
using SweLego.Environments.Build;
using SweLego.Environments.Inference;
using SweLego.Sandboxes;
using SweLego.Runs.Stages;
using SweLego.Tasks.Git;
using SweLego.Tasks.Harness;

namespace SweLego.Environments.Survey;

/// <summary>
/// <c>swelego env survey</c>: builds each repository's environment at HEAD (or at commits spread over
/// its history) exactly as the task stages would, runs its whole test suite once in the sandbox,
/// and reports per commit whether it built (by pip or by the source install) and how many tests
/// were collected. The user's repositories are only read: each commit is a throw-away clone.
/// A problem with one repository or commit is its row's reason; the survey goes on.
/// <c>onRow</c> sees each row as soon as it and the rows before it are done, in order.
/// </summary>
public static partial class EnvironmentSurvey
{
    public static async Task<SurveyReport> RunAsync(
        IReadOnlyList<string> repositories, SurveyOptions options, Action<SurveyRow>? onRow = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var backend = EnvironmentBackends.Create(options.Backend, options.Docker);
        var found = new List<(string Repository, string? Commit, string? Problem)>();
        foreach (string repository in repositories) found.AddRange(await CommitsAsync(Path.GetFullPath(repository), options.History, cancellationToken));
        // Each item's own checkout folder, by position: the same repository may be given twice.
        var items = found.Select((item, index) => (item.Repository, item.Commit, item.Problem, Index: index)).ToList();

        string scratch = Directory.CreateTempSubdirectory("swelego-survey-").FullName;
        var rows = new List<SurveyRow>();
        try
        {
            await OrderedParallel.ForEachAsync(items, options.Jobs,
                (item, token) => item.Commit is null
                    ? Task.FromResult(new SurveyRow(item.Repository, "", SurveyOutcome.Failed, item.Problem))
                    : SurveyCommitAsync(backend, item.Repository, item.Commit, Path.Combine(scratch, item.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)), options, token),
                (_, row) =>
                {
                    rows.Add(row);
                    onRow?.Invoke(row);
                },
                cancellationToken);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        return new SurveyReport(rows);
    }

    /// <summary>HEAD and, with <paramref name="history"/> &gt; 1, commits spread evenly over the first-parent history back to the first.</summary>
    private static async Task<IEnumerable<(string, string?, string?)>> CommitsAsync(string repository, int history, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(repository)) return [(repository, null, "not a folder")];
        var listed = await new GitCommand(repository).TryRunAsync(["rev-list", "--first-parent", "HEAD"], null, cancellationToken);
        if (listed.ExitCode != 0)
            return [(repository, null, $"not a git repository with a commit (git rev-list HEAD: {listed.StandardError.Trim()})")];
        var commits = listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int count = Math.Min(history, commits.Length);
        var picked = Enumerable.Range(0, count)
            .Select(i => count == 1 ? 0 : (int)Math.Round(i * (commits.Length - 1) / (double)(count - 1)))
            .Distinct()
            .Select(i => (repository, (string?)commits[i], (string?)null));
        return picked;
    }

    private static async Task<SurveyRow> SurveyCommitAsync(
        IEnvironmentBackend backend, string repository, string commit, string checkout, SurveyOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            // A build that copies the checkout (into an image) needs it to own its objects (no --shared).
            await new GitCommand(Path.GetDirectoryName(checkout)!).RunAsync(
                ["clone", "--quiet", "--no-checkout", .. backend.CopiesCheckout ? Array.Empty<string>() : ["--shared"], repository, checkout], cancellationToken);
            await new GitCommand(checkout).RunAsync(["checkout", "--quiet", "--detach", commit], cancellationToken);
            EnvironmentSpec spec;
            try
            {
                spec = EnvironmentInference.InferCheckout(checkout);
            }
            catch (EnvironmentInferenceException e)
            {
                return new SurveyRow(repository, commit, SurveyOutcome.Failed, e.Message);
            }

            var build = await backend.BuildAsync(spec, checkout, commit, options.EnvironmentsRoot, options.Offline, cancellationToken);
            var built = new SurveyRow(repository, commit, SurveyOutcome.Failed, build.Problem) { UnmetRequirements = build.UnmetRequirements, Image = build.Image, BuildTime = clock.Elapsed };
            if (!build.Success) return built;

            var testClock = Stopwatch.StartNew();
            var run = await RunTestsAsync(backend, spec, build, checkout, options, cancellationToken);
            var statuses = run.Outcome.Statuses;
            var row = built with
            {
                TestsCollected = statuses.Count,
                Passed = statuses.Values.Count(s => s.IsPass()),
                Failed = statuses.Values.Count(s => s.IsFail()),
                TestTime = testClock.Elapsed,
            };
            if (!run.Outcome.IsGradable || statuses.Count == 0)
                return row with { Reason = TestProblem(run, build.UnmetRequirements) };
            return row with { Outcome = build.Install.IsSourceFallback ? SurveyOutcome.BuiltByFallback : SurveyOutcome.Built, Reason = build.Install.IsSourceFallback ? build.Install.Reason : null };
        }
        catch (Exception e) when (e is GitException or SandboxException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return new SurveyRow(repository, commit, SurveyOutcome.Failed, e.Message) { BuildTime = clock.Elapsed };
        }
        finally
        {
            if (Directory.Exists(checkout)) Directory.Delete(checkout, recursive: true);
        }
    }

    private static async Task<TestRunResult> RunTestsAsync(
        IEnvironmentBackend backend, EnvironmentSpec spec, EnvironmentBuildResult build, string checkout, SurveyOptions options, CancellationToken cancellationToken)
    {
        await using var session = await backend.StartSessionAsync(backend.Locate(build), checkout, cancellationToken);
        return await SandboxTestRunner.RunAsync(session, spec.TestCommand, [], TestLogParsers.Get(spec.LogParser), options.TestTimeout, cancellationToken);
    }

    /// <summary>Why the tests could not be collected: the first import error pytest or unittest printed, else the run's own reason; unmet requirements are named.</summary>
    private static string TestProblem(TestRunResult run, IReadOnlyList<string> unmet)
    {
        string reason = ImportError().Match(run.Log) is { Success: true } error
            ? $"tests not collected: {error.Groups["error"].Value.Trim()}"
            : $"tests not collected: {run.Outcome.Reason ?? "no test results"}";
        return unmet.Count == 0 ? reason : $"{reason} (unmet requirements: {string.Join(", ", unmet)})";
    }

    [GeneratedRegex(@"^(?:E\s+)?(?<error>(?:ModuleNotFoundError|ImportError|SyntaxError|AttributeError|NameError): [^\n]*)", RegexOptions.Multiline)]
    private static partial Regex ImportError();
}
