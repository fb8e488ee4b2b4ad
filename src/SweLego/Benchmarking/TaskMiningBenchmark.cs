using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Git;
using SweLego.Tasks.Real;

namespace SweLego.Benchmarking;

/// <summary>
/// What <c>tasks real</c> costs beyond running the tests: the miner runs once (one job, so wall
/// times add up), then every test command it ran is run again directly on the host — a plain
/// checkout at the same state, <c>python3 -m pytest -rA</c> with the same files, the same number
/// of times — and the two totals are compared. The baseline has no sandbox, no git, no bookkeeping.
/// </summary>
public static class TaskMiningBenchmark
{
    public const double TargetOverhead = 0.10;

    /// <param name="python">The interpreter of the raw runs; it must have pytest (Debian's /usr/bin/python3 does).</param>
    public static async Task<TaskMiningBenchmarkReport> RunAsync(
        RealTaskOptions options, string workDirectory, string python = "/usr/bin/python3", IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options with { Jobs = 1 };
        progress?.Report("mining (tasks real)");
        var run = RunFolder.Create(Path.Combine(workDirectory, "run"));
        var summary = await RealTaskMiner.RunAsync(run, options, cancellationToken: cancellationToken);

        var instances = JsonlReader.Read<TaskInstance>(summary.InstancesPath, RunJson.Options).ToList();
        var rejections = File.Exists(summary.RejectedPath) ? JsonlReader.Read<RealTaskRejection>(summary.RejectedPath, RunJson.Options).ToList() : [];
        var tested = instances.Select(i => (i.BaseCommit, i.FixCommit!, i.InstanceId))
            .Concat(rejections.Where(r => r.Timings is { Tests: > 0 }).Select(r => (r.BaseCommit!, r.FixCommit!, r.CandidateId)))
            .ToList();

        var mirror = (await RunResources.MirrorAsync(run, options.Repository, cancellationToken)).Git;
        string checkout = Path.Combine(workDirectory, "raw");
        await new GitCommand(workDirectory).RunAsync(["clone", "--quiet", "--shared", "--no-checkout", mirror.WorkingDirectory, checkout], cancellationToken);
        var git = new GitCommand(checkout);
        var raw = TimeSpan.Zero;
        foreach (var (baseCommit, fixCommit, id) in tested)
        {
            progress?.Report($"raw test runs: {id}");
            var (patches, _) = await CandidatePatches.ComputeAsync(mirror, baseCommit, fixCommit, cancellationToken);
            await git.RunAsync(["checkout", "--quiet", "--force", "--detach", baseCommit], cancellationToken);
            await git.RunAsync(["clean", "--quiet", "-ffdx"], cancellationToken);
            await git.RunAsync(["apply", "-"], patches!.TestPatch, cancellationToken);
            // The test modules the miner ran: those of the test patch that exist with it (the gold patch never touches tests).
            var files = patches.TestFiles.Where(f => TestPaths.IsTestModule(f) && File.Exists(Path.Combine(checkout, f))).ToList();
            raw += await RawTestRuns.PytestAsync(python, checkout, files, options.Runs, cancellationToken);
            await git.RunAsync(["clean", "--quiet", "-ffdx"], cancellationToken);
            await git.RunAsync(["apply", "-"], patches.Patch, cancellationToken);
            raw += await RawTestRuns.PytestAsync(python, checkout, files, options.Runs, cancellationToken);
        }

        double miner = summary.Elapsed.TotalSeconds, environment = summary.EnvironmentBuildTime.TotalSeconds, rawSeconds = raw.TotalSeconds;
        return new TaskMiningBenchmarkReport(
            options.Repository, options.Backend, options.Runs, summary.Candidates, summary.Kept, tested.Count,
            miner, environment, summary.TestTime.TotalSeconds, rawSeconds,
            (miner - environment - rawSeconds) / rawSeconds, (miner - rawSeconds) / rawSeconds, TargetOverhead);
    }
}
