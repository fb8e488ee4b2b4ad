namespace SweLego.Runs.Stages;

/// <summary>
/// The one batch loop of every stage ("list items" + "process one", <see cref="IStageWork{TItem, TWorker, TResult}"/>):
/// <list type="bullet">
/// <item>Resume: the journal's files are the truth; items whose key is recorded are skipped, except
/// those whose only record is an <see cref="StageOutcomes.Error"/>, which are tried again.</item>
/// <item>Order: up to <see cref="StageRunOptions.Jobs"/> items run at once, each with a worker, but results are
/// recorded in item order, so the files are the same for any number of jobs.</item>
/// <item>One bad item never stops the batch: an exception is that item's error result; an error is
/// tried again at once with a new worker (<see cref="StageRunOptions.ErrorRetries"/>) before it is recorded.</item>
/// <item><see cref="StageRunOptions.Max"/>: stops once that many results with its outcome are recorded.</item>
/// <item>Counts per outcome in the manifest (throttled, and at the end), progress events, and
/// <c>RUN/stage/summary.json</c> (<see cref="StageRunSummary"/>).</item>
/// <item>Cancellation stops the work in flight; nothing half-written stays (one line per record),
/// summary.json says interrupted, and re-running resumes.</item>
/// </list>
/// The stage must be started and guarded by the caller, who may do work of its own before and after:
/// <code>
/// await run.GuardStageAsync(stage, async () =>
/// {
///     run.StartStage(stage);
///     var summary = await StageRunner.RunAsync(run, work, items, options, progress, cancellationToken);
///     run.CompleteStage(stage);
///     return summary;
/// });
/// </code>
/// </summary>
public static class StageRunner
{
    public static async Task<StageRunSummary> RunAsync<TItem, TWorker, TResult>(
        RunFolder run, IStageWork<TItem, TWorker, TResult> work, IReadOnlyList<TItem> items, StageRunOptions? options = null,
        IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
        where TWorker : IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(items);
        options ??= new StageRunOptions();
        options.Validate();
        string stage = work.Journal.Stage;
        if (run.ReadManifest().Stage(stage).Status != StageStatus.Running)
        {
            throw new InvalidOperationException(
                $"Stage '{stage}' is not running: start it with RunFolder.StartStage inside RunFolder.GuardStageAsync, so a failure or Ctrl-C is recorded.");
        }

        var session = new StageSession<TItem, TWorker, TResult>(run, work, items, options, progress);
        return await session.RunAsync(cancellationToken);
    }
}
