using SweLego.Runs.Stages;

namespace SweLego.Tests.Runs.Stages;

public sealed class OrderedParallelTests
{
    [Fact]
    public async Task ForEachAsync_LaterItemsFinishFirst_CommitsInItemOrderWithWorkOverlapping()
    {
        var items = Enumerable.Range(0, 12).ToList();
        var committed = new List<int>();
        int running = 0, maxRunning = 0;
        // Item i may finish only after every later item in its window has started: completion order is reversed.
        var release = items.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();

        await OrderedParallel.ForEachAsync(items, 4,
            async (item, token) =>
            {
                int now = Interlocked.Increment(ref running);
                InterlockedMax(ref maxRunning, now);
                if (item % 4 == 3 || item == items.Count - 1)
                {
                    for (int j = item; j >= item - item % 4; j--) release[j].TrySetResult();
                }

                await release[item].Task.WaitAsync(token);
                Interlocked.Decrement(ref running);
                return item * 10;
            },
            (item, result) =>
            {
                Assert.Equal(item * 10, result);
                committed.Add(item);
            },
            CancellationToken.None);

        Assert.Equal(items, committed);
        Assert.Equal(4, maxRunning);
    }

    [Fact]
    public async Task ForEachAsync_CancelledFromACommit_StopsAndCommitsNothingLater()
    {
        using var stop = new CancellationTokenSource();
        var committed = new List<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => OrderedParallel.ForEachAsync(Enumerable.Range(0, 50).ToList(), 3,
            async (item, token) =>
            {
                await Task.Yield();
                return item;
            },
            (item, _) =>
            {
                committed.Add(item);
                if (item == 4) stop.Cancel();
            },
            stop.Token));

        Assert.Equal([0, 1, 2, 3, 4], committed);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
