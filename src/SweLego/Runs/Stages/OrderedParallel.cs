namespace SweLego.Runs.Stages;

/// <summary>
/// Works on items up to <c>jobs</c> at once but hands the results over one at a time in item
/// order, so what a run keeps (limits, --max) never depends on which job finished first: the same
/// input gives the same output for any number of jobs. An item whose predecessors are still
/// running waits with its result. Once the token is cancelled (also from a commit) nothing more is committed.
/// </summary>
internal static class OrderedParallel
{
    public static async Task ForEachAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, int jobs, Func<TItem, CancellationToken, Task<TResult>> work, Action<TItem, TResult> commit,
        CancellationToken cancellationToken)
    {
        var turns = Enumerable.Range(0, items.Count + 1).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        turns[0].SetResult();
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                try
                {
                    var result = await work(items[index], token);
                    await turns[index].Task.WaitAsync(token);
                    // A commit may cancel the run (--max): nothing after it is committed, even if already computed.
                    token.ThrowIfCancellationRequested();
                    commit(items[index], result);
                }
                finally
                {
                    turns[index + 1].TrySetResult();
                }
            });
    }
}
