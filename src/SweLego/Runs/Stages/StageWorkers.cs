namespace SweLego.Runs.Stages;

/// <summary>
/// The workers of one stage session: made on demand (never more than the jobs, one per slot
/// number), lent to one item at a time, disposed at the end. A worker whose item ended in an
/// error is discarded, and its slot gets a new worker when next needed.
/// </summary>
internal sealed class StageWorkers<TWorker>(Func<int, CancellationToken, Task<TWorker>> create, int jobs) : IAsyncDisposable
    where TWorker : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Stack<Lease> idle = new();
    private readonly List<Lease> live = [];
    private readonly SortedSet<int> freeSlots = [.. Enumerable.Range(0, jobs)];

    public async Task<Lease> RentAsync(CancellationToken cancellationToken)
    {
        int slot;
        lock (gate)
        {
            if (idle.TryPop(out var lease)) return lease;
            // The runner never has more items in flight than jobs, so a slot is always free here.
            slot = freeSlots.Min;
            freeSlots.Remove(slot);
        }

        try
        {
            var created = new Lease(slot, await create(slot, cancellationToken));
            lock (gate) live.Add(created);
            return created;
        }
        catch
        {
            lock (gate) freeSlots.Add(slot);
            throw;
        }
    }

    public void Return(Lease lease)
    {
        lock (gate) idle.Push(lease);
    }

    /// <summary>
    /// Disposes a worker that saw an error; its slot is free again. A failure to dispose it is not
    /// reported: the item's error already says what went wrong with it.
    /// </summary>
    public async Task DiscardAsync(Lease lease)
    {
        lock (gate) live.Remove(lease);
        try
        {
            await lease.Worker.DisposeAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Broken already (see above).
        }

        lock (gate) freeSlots.Add(lease.Slot);
    }

    public async ValueTask DisposeAsync()
    {
        List<Lease> all;
        lock (gate)
        {
            all = [.. live];
            live.Clear();
            idle.Clear();
        }

        var failures = new List<Exception>();
        foreach (var lease in all)
        {
            try
            {
                await lease.Worker.DisposeAsync();
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        if (failures.Count > 0) throw new AggregateException("Disposing the stage's workers failed.", failures);
    }

    public sealed record Lease(int Slot, TWorker Worker);
}
