namespace SweLego.Runs.Stages;

/// <summary>One <see cref="StageRunner.RunAsync"/>: the items, the tallies and the files of one session.</summary>
internal sealed class StageSession<TItem, TWorker, TResult>
    where TWorker : IAsyncDisposable
{
    private readonly RunFolder run;
    private readonly IStageWork<TItem, TWorker, TResult> work;
    private readonly StageJournal<TResult> journal;
    private readonly StageRunOptions options;
    private readonly IProgress<StageProgress>? progress;
    private readonly TimeProvider clock;
    private readonly List<Entry> entries;
    private readonly HashSet<string> skipped;

    // Guarded by gate: commits change them while jobs report progress.
    private readonly Lock gate = new();
    private readonly Dictionary<string, string> outcomes;
    private readonly Dictionary<string, int> counts;
    private readonly Dictionary<string, int> sessionCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> countNames;
    private int processed;
    private int retried;
    private TimeSpan itemTime;
    private long lastCountsUpdate;

    public StageSession(RunFolder run, IStageWork<TItem, TWorker, TResult> work, IReadOnlyList<TItem> items, StageRunOptions options, IProgress<StageProgress>? progress)
    {
        (this.run, this.work, journal, this.options, this.progress, clock) = (run, work, work.Journal, options, progress, options.TimeProvider);
        var history = journal.Read(run);
        outcomes = new Dictionary<string, string>(history.Outcomes, StringComparer.Ordinal);
        counts = history.Counts();
        // Every outcome ever counted is written, so one that drops to zero (a retried error) is not left stale in the manifest.
        countNames = [.. counts.Keys];
        entries = [.. work.Settled.Select(r => new Entry(journal.Key(r), default, r, true)), .. items.Select(i => new Entry(work.Key(i), i, default, false))];
        if (entries.GroupBy(e => e.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Stage '{journal.Stage}': the key '{twice.Key}' is given to {twice.Count()} items; keys must be unique.", nameof(items));
        skipped = [.. entries.Where(e => history.IsDone(e.Key)).Select(e => e.Key)];
    }

    private string Stage => journal.Stage;

    public async Task<StageRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        long started = clock.GetTimestamp();
        lastCountsUpdate = started;
        var todo = entries.Where(e => !skipped.Contains(e.Key)).ToList();
        var writers = new List<StageFile<TResult>.Writer>();
        try
        {
            foreach (var file in journal.Files) writers.Add(file.Open(run, Stage));
            await using var workers = new StageWorkers<TWorker>(work.CreateWorkerAsync, options.Jobs);
            using var enough = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Report(null);
            try
            {
                if (!MaxReached())
                {
                    await OrderedParallel.ForEachAsync(todo, options.Jobs,
                        (entry, token) => ProcessAsync(entry, workers, token),
                        (entry, attempted) => Commit(entry, attempted, writers, enough),
                        enough.Token);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // --max reached: the work in flight is not recorded.
            }
            catch (OperationCanceledException)
            {
                Finish(StageRunStatus.Interrupted, startedAt, started);
                throw;
            }
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }

        return Finish(processed + skipped.Count == entries.Count ? StageRunStatus.Completed : StageRunStatus.MaxReached, startedAt, started);
    }

    private async Task<Attempted> ProcessAsync(Entry entry, StageWorkers<TWorker> workers, CancellationToken cancellationToken)
    {
        if (entry.IsSettled) return new Attempted(entry.Settled!, TimeSpan.Zero, 0);
        Report(entry.Key);
        long started = clock.GetTimestamp();
        for (int attempt = 0; ; attempt++)
        {
            var result = await AttemptAsync(entry.Item!, workers, cancellationToken);
            if (journal.Outcome(result) != StageOutcomes.Error || attempt == options.ErrorRetries)
                return new Attempted(result, clock.GetElapsedTime(started), attempt);
        }
    }

    /// <summary>One try with a worker; a worker whose try ended in an error is discarded, so the next gets a fresh one.</summary>
    private async Task<TResult> AttemptAsync(TItem item, StageWorkers<TWorker> workers, CancellationToken cancellationToken)
    {
        StageWorkers<TWorker>.Lease? lease = null;
        bool healthy = false;
        try
        {
            lease = await workers.RentAsync(cancellationToken);
            var result = await work.ProcessAsync(item, lease.Worker, cancellationToken);
            healthy = journal.Outcome(result) != StageOutcomes.Error;
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failed = work.Failed(item, $"{e.GetType().Name}: {e.Message}");
            if (journal.Outcome(failed) != StageOutcomes.Error)
                throw new InvalidOperationException($"Stage '{Stage}': the failed result of '{work.Key(item)}' must have the outcome '{StageOutcomes.Error}'.", e);
            return failed;
        }
        finally
        {
            if (lease is not null)
            {
                // A cancelled try leaves a worker that is disposed with the others at the end.
                if (healthy || cancellationToken.IsCancellationRequested) workers.Return(lease);
                else await workers.DiscardAsync(lease);
            }
        }
    }

    /// <summary>Records one result; called in item order, one at a time.</summary>
    private void Commit(Entry entry, Attempted attempted, List<StageFile<TResult>.Writer> writers, CancellationTokenSource enough)
    {
        var result = work.Settle(attempted.Result);
        string key = journal.Key(result), outcome = journal.Outcome(result);
        if (key != entry.Key) throw new InvalidOperationException($"Stage '{Stage}': the result of item '{entry.Key}' is keyed '{key}'.");
        if (!writers.Any(w => w.TryAppend(result)))
            throw new InvalidOperationException($"Stage '{Stage}': no file takes the result of '{key}' (outcome {outcome}).");
        lock (gate)
        {
            if (outcomes.TryGetValue(key, out var earlier)) counts[earlier]--;
            outcomes[key] = outcome;
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            sessionCounts[outcome] = sessionCounts.GetValueOrDefault(outcome) + 1;
            countNames.Add(outcome);
            processed++;
            retried += attempted.Retries > 0 ? 1 : 0;
            itemTime += attempted.Time;
        }

        if (clock.GetElapsedTime(lastCountsUpdate) >= options.CountsInterval) WriteCounts(null);
        Report(null);
        if (MaxReached()) enough.Cancel();
    }

    private bool MaxReached()
    {
        lock (gate) return options.Max is { } max && counts.GetValueOrDefault(options.MaxOutcome) >= max;
    }

    private void WriteCounts(string? summaryPath)
    {
        lock (gate)
        {
            lastCountsUpdate = clock.GetTimestamp();
            run.UpdateStage(Stage, s =>
            {
                var updated = countNames.Aggregate(s, (record, name) => record.WithCount(name, counts.GetValueOrDefault(name)));
                return summaryPath is null ? updated : updated.WithOutput(run.RelativePath(summaryPath));
            });
        }
    }

    private StageRunSummary Finish(StageRunStatus status, DateTimeOffset startedAt, long started)
    {
        string path = run.StagePath(Stage, StageRunSummary.FileName);
        StageRunSummary summary;
        lock (gate)
        {
            summary = new StageRunSummary
            {
                Stage = Stage, Status = status, StartedAt = startedAt, FinishedAt = clock.GetUtcNow(),
                ElapsedSeconds = clock.GetElapsedTime(started).TotalSeconds, ItemSeconds = itemTime.TotalSeconds,
                Total = entries.Count, Skipped = skipped.Count, Processed = processed, Retried = retried, Jobs = options.Jobs, Max = options.Max,
                Counts = Positive(counts), SessionCounts = Positive(sessionCounts),
                SkippedKeys = skipped, Outcomes = new Dictionary<string, string>(outcomes, StringComparer.Ordinal), Path = path,
            };
        }

        AtomicFile.WriteJson(path, summary, RunJson.IndentedOptions);
        WriteCounts(path);
        return summary;
    }

    private void Report(string? current)
    {
        if (progress is null) return;
        lock (gate) progress.Report(new StageProgress(Stage, entries.Count, skipped.Count + processed, skipped.Count, Positive(counts), current));
    }

    private static SortedDictionary<string, int> Positive(Dictionary<string, int> tally) =>
        new(tally.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    private sealed record Entry(string Key, TItem? Item, TResult? Settled, bool IsSettled);

    private sealed record Attempted(TResult Result, TimeSpan Time, int Retries);
}
