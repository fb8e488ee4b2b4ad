using System.Text.Json;
using SweLego.Runs;
using SweLego.Runs.Stages;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Runs.Stages;

/// <summary>The stage runner on real run folders in temp folders, with scripted items (no sandboxes).</summary>
public sealed class StageRunnerTests : IDisposable
{
    private const string Stage = TestStageWork.Stage;
    private readonly TempDirectory _temp = new("swelego-stages-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RunAsync_OneJobOrFourFinishingInASeededRandomOrder_SameFilesInItemOrder()
    {
        var items = TestStageWork.Items(24);
        var serialRun = RunFolder.Create(_temp.Combine("one"));
        var parallelRun = RunFolder.Create(_temp.Combine("four"));
        var finished = new List<string>();
        // In each window of four items the work finishes in a seeded random order: each waits for the one before it in that order.
        var release = items.ToDictionary(i => i, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var next = new Dictionary<string, string>();
        var random = new Random(11);
        foreach (var window in items.Chunk(4))
        {
            var order = window.ToArray();
            random.Shuffle(order);
            release[order[0]].SetResult();
            for (int i = 1; i < order.Length; i++) next[order[i - 1]] = order[i];
        }

        var serial = await RunStageAsync(serialRun, new TestStageWork((key, _, _) => Task.FromResult(TestStageWork.Plain(key))), items, new StageRunOptions());
        var parallelWork = new TestStageWork(async (key, _, token) =>
        {
            await release[key].Task.WaitAsync(token);
            lock (finished) finished.Add(key);
            if (next.TryGetValue(key, out var after)) release[after].SetResult();
            return TestStageWork.Plain(key);
        });
        var parallel = await RunStageAsync(parallelRun, parallelWork, items, new StageRunOptions { Jobs = 4 });

        Assert.NotEqual(items, finished);
        Assert.Equal(File.ReadAllBytes(serialRun.StagePath(Stage, "kept.jsonl")), File.ReadAllBytes(parallelRun.StagePath(Stage, "kept.jsonl")));
        Assert.Equal(File.ReadAllBytes(serialRun.StagePath(Stage, "other.jsonl")), File.ReadAllBytes(parallelRun.StagePath(Stage, "other.jsonl")));
        Assert.Equal(items.Where(k => TestStageWork.OutcomeOf(k) == StageOutcomes.Kept), Read(parallelRun, "kept.jsonl").Select(r => r.Key));
        Assert.Equal(serial.Counts, parallel.Counts);
        Assert.Equal(new Dictionary<string, int> { ["kept"] = 8, ["rejected:one"] = 8, ["rejected:two"] = 8 }, parallel.Counts);
        Assert.InRange(parallelWork.Workers.Count, 2, 4);
        Assert.All(parallelWork.Workers, w => Assert.Equal(1, w.Disposals));
    }

    [Fact]
    public async Task RunAsync_ResumedAfterErrors_SkipsDoneKeysAndRetriesOnlyTheErrors()
    {
        var run = RunFolder.Create(_temp.Combine("run"));
        var items = TestStageWork.Items(6);
        var firstWork = new TestStageWork((key, _, _) => key switch
        {
            "2" => throw new InvalidOperationException("the sandbox died"),
            "4" => Task.FromResult(new TestResult(key, StageOutcomes.Error, "reported")),
            _ => Task.FromResult(TestStageWork.Plain(key)),
        });
        var processedAgain = new List<string>();
        var secondWork = new TestStageWork((key, _, _) =>
        {
            processedAgain.Add(key);
            return Task.FromResult(TestStageWork.Plain(key));
        });

        var first = await RunStageAsync(run, firstWork, items, new StageRunOptions { ErrorRetries = 0 });
        var countsAfterFirst = run.ReadManifest().Stage(Stage).Counts;
        var second = await RunStageAsync(run, secondWork, items, new StageRunOptions());

        Assert.Equal(2, first.Count(StageOutcomes.Error));
        Assert.Equal(2, countsAfterFirst[StageOutcomes.Error]);
        Assert.Equal(["2", "4"], processedAgain);
        Assert.Equal((6, 4, 2), (second.Total, second.Skipped, second.Processed));
        Assert.Equal(["0", "1", "3", "5"], second.SkippedKeys.Order(StringComparer.Ordinal));
        Assert.Equal(0, second.Count(StageOutcomes.Error));
        Assert.Equal(6, second.Counts.Values.Sum());
        Assert.Equal(0, run.ReadManifest().Stage(Stage).Counts[StageOutcomes.Error]);
        // The errors stay in the file (append-only); a later record of the same key settles it.
        var other = Read(run, "other.jsonl");
        Assert.Equal("InvalidOperationException: the sandbox died", other.Single(r => r.Key == "2" && r.Outcome == StageOutcomes.Error).Reason);
        Assert.Equal(TestStageWork.OutcomeOf("2"), other.Last(r => r.Key == "2").Outcome);
        Assert.Equal(["0", "3"], Read(run, "kept.jsonl").Select(r => r.Key));
    }

    [Fact]
    public async Task RunAsync_ItemThrowsOnceThenWorks_RetriedAtOnceWithANewWorker()
    {
        var run = RunFolder.Create(_temp.Combine("run"));
        int attempts = 0;
        var slotsOfItem1 = new List<TestWorker>();
        var work = new TestStageWork((key, worker, _) =>
        {
            if (key != "1") return Task.FromResult(TestStageWork.Plain(key));
            slotsOfItem1.Add(worker);
            return ++attempts == 1 ? throw new IOException("transient") : Task.FromResult(TestStageWork.Plain(key));
        });

        var summary = await RunStageAsync(run, work, TestStageWork.Items(3), new StageRunOptions());

        Assert.Equal((2, 1, 0), (attempts, summary.Retried, summary.Count(StageOutcomes.Error)));
        Assert.Equal(2, slotsOfItem1.Count);
        Assert.NotSame(slotsOfItem1[0], slotsOfItem1[1]);
        Assert.Equal(0, slotsOfItem1[1].Slot); // the discarded worker's slot is reused
        Assert.Equal(2, work.Workers.Count);
        Assert.All(work.Workers, w => Assert.Equal(1, w.Disposals));
        Assert.DoesNotContain(Read(run, "other.jsonl"), r => r.Outcome == StageOutcomes.Error);
    }

    [Fact]
    public async Task RunAsync_OneItemAlwaysThrows_ItsErrorIsRecordedWithTheMessageAndTheRestGoOn()
    {
        var run = RunFolder.Create(_temp.Combine("run"));
        int attempts = 0;
        var work = new TestStageWork((key, _, _) =>
        {
            if (key != "3") return Task.FromResult(TestStageWork.Plain(key));
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("boom");
        });

        var summary = await RunStageAsync(run, work, TestStageWork.Items(9), new StageRunOptions { Jobs = 3, ErrorRetries = 2 });

        Assert.Equal(3, attempts);
        Assert.Equal(StageRunStatus.Completed, summary.Status);
        Assert.Equal(9, summary.Processed);
        var error = Assert.Single(Read(run, "other.jsonl"), r => r.Outcome == StageOutcomes.Error);
        Assert.Equal(("3", "InvalidOperationException: boom"), (error.Key, error.Reason));
        Assert.Equal(["0", "6"], Read(run, "kept.jsonl").Select(r => r.Key));
        Assert.Equal(1, summary.Count(StageOutcomes.Error));
    }

    [Fact]
    public async Task RunAsync_Max_StopsAtMaxKeptThenAHigherLimitContinuesWithoutRepeats()
    {
        var run = RunFolder.Create(_temp.Combine("run"));
        var items = TestStageWork.Items(15);
        var processed = new List<string>();
        var work = new TestStageWork((key, _, _) =>
        {
            lock (processed) processed.Add(key);
            return Task.FromResult(TestStageWork.Plain(key));
        });

        var first = await RunStageAsync(run, work, items, new StageRunOptions { Jobs = 2, Max = 2 });
        int processedBySecond = processed.Count;
        var again = await RunStageAsync(run, work, items, new StageRunOptions { Jobs = 2, Max = 2 });
        var rest = await RunStageAsync(run, work, items, new StageRunOptions { Jobs = 2 });

        Assert.Equal(StageRunStatus.MaxReached, first.Status);
        Assert.Equal(["0", "3"], Read(run, "kept.jsonl").Take(2).Select(r => r.Key));
        Assert.Equal(4, first.Processed); // 0..3: the item after the second kept one is not recorded
        Assert.Equal(11, first.Remaining);
        Assert.Equal((StageRunStatus.MaxReached, 0), (again.Status, again.Processed));
        Assert.Equal(processedBySecond, processed.Count - rest.Processed);
        Assert.Equal((StageRunStatus.Completed, 4, 11), (rest.Status, rest.Skipped, rest.Processed));
        var all = Read(run, "kept.jsonl").Concat(Read(run, "other.jsonl")).Select(r => r.Key).ToList();
        Assert.Equal(items.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_CancelledMidRun_InterruptedWithWholeLinesAndTheRerunLosesAndRepeatsNothing()
    {
        var run = RunFolder.Create(_temp.Combine("run"));
        var items = TestStageWork.Items(12);
        using var stop = new CancellationTokenSource();
        var fiveRecorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sixStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = new TestStageWork(async (key, _, token) =>
        {
            if (key == "6")
            {
                // Items 0..5 are recorded, 6 never finishes, 7 and 8 may finish but wait for 6: the cut is exact.
                await fiveRecorded.Task;
                sixStarted.SetResult();
                await Task.Delay(Timeout.Infinite, token);
            }

            return TestStageWork.Plain(key);
        });
        var watcher = new Watcher(p =>
        {
            if (p.Done >= 6) fiveRecorded.TrySetResult();
        });

        var running = RunStageAsync(run, work, items, new StageRunOptions { Jobs = 3 }, watcher, stop.Token);
        await sixStarted.Task;
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        var stage = run.ReadManifest().Stage(Stage);
        Assert.Equal(StageStatus.Interrupted, stage.Status);
        var summary = ReadSummary(run);
        Assert.Equal((StageRunStatus.Interrupted, 6), (summary.Status, summary.Processed));
        Assert.Equal(["0", "1", "2", "3", "4", "5"], Read(run, "kept.jsonl").Concat(Read(run, "other.jsonl")).Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal(6, stage.Counts.Values.Sum());
        Assert.All(new[] { "kept.jsonl", "other.jsonl" }, f => Assert.EndsWith("\n", File.ReadAllText(run.StagePath(Stage, f)), StringComparison.Ordinal));

        var resumed = await RunStageAsync(run, new TestStageWork((key, _, _) => Task.FromResult(TestStageWork.Plain(key))), items, new StageRunOptions { Jobs = 3 });

        Assert.Equal((6, 6), (resumed.Skipped, resumed.Processed));
        var keys = Read(run, "kept.jsonl").Concat(Read(run, "other.jsonl")).Select(r => r.Key).ToList();
        Assert.Equal(items.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.Equal(StageStatus.Succeeded, run.ReadManifest().Stage(Stage).Status);
    }

    [Fact]
    public async Task RunAsync_Completed_ManifestCountsAndSummaryJsonSayWhatWasDone()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var run = RunFolder.Create(_temp.Combine("run"));
        var work = new TestStageWork((key, _, _) => Task.FromResult(TestStageWork.Plain(key)))
        {
            Settled = [new TestResult("input:7", StageOutcomes.Rejected("unusable"), "bad line")],
        };
        var progress = new List<StageProgress>();

        await RunStageAsync(run, work, TestStageWork.Items(4), new StageRunOptions { Max = 50, CountsInterval = TimeSpan.Zero, TimeProvider = clock });
        var summary = await RunStageAsync(run, work, TestStageWork.Items(5), new StageRunOptions { TimeProvider = clock }, progress: new Recorder(progress));

        var stage = run.ReadManifest().Stage(Stage);
        var expected = new Dictionary<string, int> { ["kept"] = 2, ["rejected:one"] = 2, ["rejected:two"] = 1, ["rejected:unusable"] = 1 };
        Assert.Equal(expected, summary.Counts);
        Assert.Equal(new Dictionary<string, int> { ["rejected:one"] = 1 }, summary.SessionCounts);
        Assert.Equal(expected.ToDictionary(kv => kv.Key, kv => (long)kv.Value), stage.Counts);
        Assert.Equal(["test-stage/kept.jsonl", "test-stage/other.jsonl", "test-stage/summary.json"], stage.Outputs);
        Assert.Equal("bad line", Read(run, "other.jsonl")[0].Reason); // settled results are recorded first

        using var json = JsonDocument.Parse(File.ReadAllText(summary.Path));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("v").GetInt32());
        Assert.Equal("test-stage", root.GetProperty("stage").GetString());
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal((6, 5, 1, 0), (root.GetProperty("total").GetInt32(), root.GetProperty("skipped").GetInt32(), root.GetProperty("processed").GetInt32(), root.GetProperty("remaining").GetInt32()));
        Assert.Equal(2, root.GetProperty("counts").GetProperty("kept").GetInt32());
        Assert.Equal(clock.Now, root.GetProperty("started_at").GetDateTimeOffset());
        Assert.Equal(clock.Now, root.GetProperty("finished_at").GetDateTimeOffset());
        Assert.Equal(summary with { SkippedKeys = summary.SkippedKeys, Outcomes = summary.Outcomes, Path = summary.Path }, summary);
        Assert.Equal(6, progress[^1].Done);
        Assert.Equal(6, progress[^1].Total);
        Assert.Equal(5, progress[0].Skipped);
        Assert.Contains(progress, p => p.Current == "4");
    }

    [Fact]
    public async Task RunAsync_SettleTurnsResults_RecordsWhatSettleReturnsInItemOrder()
    {
        var run = RunFolder.Create(_temp.Combine("run"));
        int kept = 0;
        var work = new TestStageWork((key, _, _) => Task.FromResult(new TestResult(key, StageOutcomes.Kept)))
        {
            OnSettle = r => ++kept <= 2 ? r : r with { Outcome = StageOutcomes.Rejected("limit") },
        };

        var summary = await RunStageAsync(run, work, TestStageWork.Items(6), new StageRunOptions { Jobs = 3 });

        Assert.Equal(["0", "1"], Read(run, "kept.jsonl").Select(r => r.Key));
        Assert.Equal(4, summary.Count(StageOutcomes.Rejected("limit")));
    }

    [Fact]
    public async Task RunAsync_StageNotStartedOrKeysRepeated_RefusedSayingWhy()
    {
        var run = RunFolder.Create(_temp.Combine("run"));
        var work = new TestStageWork((key, _, _) => Task.FromResult(TestStageWork.Plain(key)));

        var notStarted = await Assert.ThrowsAsync<InvalidOperationException>(() => StageRunner.RunAsync(run, work, TestStageWork.Items(2)));
        var repeated = await Assert.ThrowsAsync<ArgumentException>(() => RunStageAsync(run, work, ["1", "2", "1"], new StageRunOptions()));

        Assert.Contains("Stage 'test-stage' is not running", notStarted.Message, StringComparison.Ordinal);
        Assert.StartsWith("Stage 'test-stage': the key '1' is given to 2 items", repeated.Message, StringComparison.Ordinal);
        Assert.Equal(StageStatus.Failed, run.ReadManifest().Stage(Stage).Status);
    }

    private static Task<StageRunSummary> RunStageAsync(
        RunFolder run, TestStageWork work, IReadOnlyList<string> items, StageRunOptions options, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default) =>
        run.GuardStageAsync(Stage, async () =>
        {
            run.StartStage(Stage);
            var summary = await StageRunner.RunAsync(run, work, items, options, progress, cancellationToken);
            run.CompleteStage(Stage);
            return summary;
        });

    private static List<TestResult> Read(RunFolder run, string file) => [.. JsonlReader.Read<TestResult>(run.StagePath(Stage, file), RunJson.Options)];

    private static StageRunSummary ReadSummary(RunFolder run) =>
        JsonSerializer.Deserialize<StageRunSummary>(File.ReadAllText(run.StagePath(Stage, StageRunSummary.FileName)), RunJson.Options)!;

    private sealed class Watcher(Action<StageProgress> watch) : IProgress<StageProgress>
    {
        public void Report(StageProgress value) => watch(value);
    }

    private sealed class Recorder(List<StageProgress> events) : IProgress<StageProgress>
    {
        public void Report(StageProgress value)
        {
            lock (events) events.Add(value);
        }
    }
}
