using SweLego.Evaluation;
using SweLego.Evaluation.Inputs;
using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Git;
using SweLego.Tasks.Harness;
using SweLego.Tasks.Real;

namespace SweLego.Benchmarking;

/// <summary>
/// What <c>swelego eval</c> costs beyond running the tests: the repository's real task instances are
/// mined first (not measured), then every gold patch is evaluated with one job (wall times add up),
/// then the same test files run again directly on the host in a plain checkout at base + gold patch +
/// test patch, and the two totals are compared (<see cref="RawTestRuns"/>).
/// </summary>
public static class EvaluationBenchmark
{
    public const double TargetOverhead = 0.10;

    /// <param name="python">The interpreter of the raw runs; it must have pytest (Debian's /usr/bin/python3 does).</param>
    public static async Task<EvaluationBenchmarkReport> RunAsync(
        RealTaskOptions mining, string workDirectory, string python = "/usr/bin/python3", IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mining);
        progress?.Report("mining instances (tasks real; not measured)");
        var mined = RunFolder.Create(Path.Combine(workDirectory, "mined"));
        var tasks = await RealTaskMiner.RunAsync(mined, mining with { Runs = 1 }, cancellationToken: cancellationToken);
        var instances = JsonlReader.Read<TaskInstance>(tasks.InstancesPath, RunJson.Options).ToList();
        if (instances.Count == 0) throw new InvalidOperationException($"{mining.Repository} gave no task instances to evaluate.");
        string predictions = Path.Combine(workDirectory, "gold.jsonl");
        PredictionFiles.Write(predictions, instances.Select(i => (i.InstanceId, (string?)null, i.Patch, "gold")));

        progress?.Report($"evaluating {instances.Count} gold patches (one job)");
        var summary = await EvaluationStage.RunAsync(RunFolder.Create(Path.Combine(workDirectory, "eval")),
            new EvaluationOptions { InstancesPath = tasks.InstancesPath, PredictionsPath = predictions }, cancellationToken: cancellationToken);

        string checkout = Path.Combine(workDirectory, "raw");
        await new GitCommand(workDirectory).RunAsync(["clone", "--quiet", "--shared", "--no-checkout", instances[0].Environment.MirrorPath(mined.DirectoryPath), checkout], cancellationToken);
        var git = new GitCommand(checkout);
        var raw = TimeSpan.Zero;
        foreach (var instance in instances)
        {
            progress?.Report($"raw test run: {instance.InstanceId}");
            await git.RunAsync(["checkout", "--quiet", "--force", "--detach", instance.BaseCommit], cancellationToken);
            await git.RunAsync(["clean", "--quiet", "-ffdx"], cancellationToken);
            await git.RunAsync(["apply", "-"], instance.Patch, cancellationToken);
            await git.RunAsync(["apply", "-"], instance.TestPatch, cancellationToken);
            raw += await RawTestRuns.PytestAsync(python, checkout, [.. instance.TestFiles], 1, cancellationToken);
        }

        double evaluation = summary.Elapsed.TotalSeconds, rawSeconds = raw.TotalSeconds;
        double starts = summary.Results.Sum(r => r.StartSeconds), perPrediction = summary.Results.Sum(r => r.TotalSeconds) - starts;
        return new EvaluationBenchmarkReport(mining.Repository, summary.Harness.ToText(), instances.Count, summary.Count(EvaluationVerdict.Resolved),
            evaluation, starts, perPrediction, summary.Results.Sum(r => r.TestSeconds), rawSeconds,
            (perPrediction - rawSeconds) / rawSeconds, (evaluation - rawSeconds) / rawSeconds, TargetOverhead);
    }
}
