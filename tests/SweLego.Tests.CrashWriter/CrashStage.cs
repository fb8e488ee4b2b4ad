using System.Globalization;
using SweLego.Runs;
using SweLego.Runs.Stages;

namespace SweLego.Tests.CrashWriter;

/// <summary>
/// The "stage" mode: runs a stage of N trivial items through <see cref="StageRunner"/> with four
/// jobs and frequent manifest updates, exactly as a real stage does, so a test can SIGKILL it at
/// any point and check that re-running resumes with nothing lost, repeated or torn.
/// </summary>
public sealed class CrashStage : IStageWork<int, CrashStage.Worker, CrashRecord>
{
    public const string Mode = "stage";

    public const string Stage = "crash-stage";

    public static StageJournal<CrashRecord> Records { get; } = new(Stage, r => r.Key, _ => StageOutcomes.Kept,
        new StageFile<CrashRecord, CrashRecord>(CrashRecord.FileName, r => r, r => r));

    public StageJournal<CrashRecord> Journal => Records;

    public static async Task<int> RunAsync(string runDirectory, int count)
    {
        var run = RunFolder.OpenOrCreate(runDirectory);
        await run.GuardStageAsync(Stage, async () =>
        {
            run.StartStage(Stage);
            var options = new StageRunOptions { Jobs = 4, CountsInterval = TimeSpan.FromMilliseconds(20) };
            var summary = await StageRunner.RunAsync(run, new CrashStage(), [.. Enumerable.Range(0, count)], options);
            run.CompleteStage(Stage);
            return summary;
        });
        return 0;
    }

    public string Key(int item) => item.ToString(CultureInfo.InvariantCulture);

    public Task<Worker> CreateWorkerAsync(int slot, CancellationToken cancellationToken) => Task.FromResult(new Worker());

    public async Task<CrashRecord> ProcessAsync(int item, Worker worker, CancellationToken cancellationToken)
    {
        // Lets the jobs interleave, so results wait for their turn as they do in a real stage.
        await Task.Yield();
        return CrashRecord.For(item);
    }

    public CrashRecord Failed(int item, string reason) => throw new InvalidOperationException($"item {item} failed: {reason}");

    public sealed class Worker : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
