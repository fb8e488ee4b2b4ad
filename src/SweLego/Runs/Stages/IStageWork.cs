namespace SweLego.Runs.Stages;

/// <summary>
/// What a stage does with its items, for <see cref="StageRunner"/>: how an item is keyed, how
/// one is processed with a worker (a sandbox slot, a model client), and where results are
/// recorded (<see cref="Journal"/>). Everything else (resume, order, parallelism, --max,
/// retries, counts, progress, summary.json) is the runner's.
/// </summary>
/// <typeparam name="TItem">What is processed (a candidate, a prediction).</typeparam>
/// <typeparam name="TWorker">Per-worker state, one per parallel job, disposed when the run ends or after an error.</typeparam>
/// <typeparam name="TResult">What processing one item gives; one record in one of the journal's files.</typeparam>
public interface IStageWork<in TItem, TWorker, TResult>
    where TWorker : IAsyncDisposable
{
    /// <summary>The stage, its files and how results are keyed and judged.</summary>
    StageJournal<TResult> Journal { get; }

    /// <summary>
    /// Results known without processing (an unusable input line, a generator that failed), keyed like
    /// items: recorded first, in this order, unless their key is done.
    /// </summary>
    IReadOnlyList<TResult> Settled => [];

    /// <summary>The item's key; unique among the items and equal to <see cref="StageJournal{TResult}.Key"/> of its result.</summary>
    string Key(TItem item);

    /// <summary>
    /// A new worker for <paramref name="slot"/> (0 to jobs − 1; a slot is reused after its worker was
    /// discarded). Called when an item needs a worker and none is idle.
    /// </summary>
    Task<TWorker> CreateWorkerAsync(int slot, CancellationToken cancellationToken);

    /// <summary>
    /// Processes one item. An exception (other than cancellation of the run) becomes the
    /// <see cref="Failed"/> result; either way a worker whose item ended in an error is disposed.
    /// </summary>
    Task<TResult> ProcessAsync(TItem item, TWorker worker, CancellationToken cancellationToken);

    /// <summary>The result of an item whose processing threw: its outcome must be <see cref="StageOutcomes.Error"/>.</summary>
    TResult Failed(TItem item, string reason);

    /// <summary>
    /// Called once per result in item order, just before it is recorded: returns what is recorded.
    /// The place for decisions that depend on what was recorded before it (a per-function limit)
    /// and for the stage's own tallies. The default records the result as it is.
    /// </summary>
    TResult Settle(TResult result) => result;
}
