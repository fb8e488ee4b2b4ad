using SweLego.Runs;
using SweLego.Runs.Stages;
using SweLego.Tasks.Real;
using SweLego.Tasks.Synthetic;

namespace SweLego.Samples;

/// <summary>
/// <c>swelego demo</c>: the recipe's data stages chained on the sample library, offline: its history
/// (created once in <c>RUN/demo/tally</c>) → real tasks from its fixes and PR file → synthetic tasks
/// from the procedural mutators. Each stage resumes, so running it again on the same run continues.
/// </summary>
public static class SampleDemo
{
    /// <summary>The run folder's place for the sample repository and its PR file.</summary>
    public const string Stage = "demo";

    public static async Task<SampleDemoSummary> RunAsync(
        RunFolder run, SampleDemoOptions options, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string repository = run.StagePath(Stage, "tally");
        if (!Directory.Exists(Path.Combine(repository, ".git")))
        {
            // A folder without .git is a creation that was interrupted: start it again.
            if (Directory.Exists(repository)) Directory.Delete(repository, recursive: true);
            await SampleRepository.CreateHistoryAsync(repository, cancellationToken);
        }

        string prs = await SampleRepository.WritePrsFileAsync(repository, run.StagePath(Stage, "prs.jsonl"), cancellationToken);
        var real = await RealTaskMiner.RunAsync(run,
            new RealTaskOptions { Repository = repository, PrsFile = prs, Offline = true, Jobs = options.Jobs }, progress, cancellationToken);
        var synthetic = await SyntheticTaskMiner.RunAsync(run,
            new SyntheticTaskOptions { Repository = repository, Offline = true, Jobs = options.Jobs, Max = options.MaxSynthetic }, progress, cancellationToken);
        return new SampleDemoSummary(repository, real, synthetic);
    }
}
