using System.Collections.Concurrent;
using SweLego.Runs;
using SweLego.Runs.Stages;

namespace SweLego.Tests.Runs.Stages;

/// <summary>A stage whose items are their keys and whose processing the test scripts; kept results go to kept.jsonl, the rest to other.jsonl.</summary>
internal sealed class TestStageWork(Func<string, TestWorker, CancellationToken, Task<TestResult>> process) : IStageWork<string, TestWorker, TestResult>
{
    public const string Stage = "test-stage";

    public static StageJournal<TestResult> Records { get; } = new(Stage, r => r.Key, r => r.Outcome,
        new StageFile<TestResult, TestResult>("kept.jsonl", r => r.Outcome == StageOutcomes.Kept ? r : null, r => r),
        new StageFile<TestResult, TestResult>("other.jsonl", r => r.Outcome != StageOutcomes.Kept ? r : null, r => r));

    public StageJournal<TestResult> Journal => Records;

    public IReadOnlyList<TestResult> Settled { get; init; } = [];

    /// <summary>Every worker made, in order.</summary>
    public ConcurrentQueue<TestWorker> Workers { get; } = new();

    public Func<TestResult, TestResult> OnSettle { get; init; } = r => r;

    /// <summary>The outcome every test gives item <paramref name="key"/> unless scripted otherwise: kept, rejected:odd or rejected:even by its number.</summary>
    public static string OutcomeOf(string key) => (int.Parse(key, System.Globalization.CultureInfo.InvariantCulture) % 3) switch
    {
        0 => StageOutcomes.Kept,
        1 => StageOutcomes.Rejected("one"),
        _ => StageOutcomes.Rejected("two"),
    };

    public static TestResult Plain(string key) => new(key, OutcomeOf(key));

    public static IReadOnlyList<string> Items(int count) => [.. Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public string Key(string item) => item;

    public Task<TestWorker> CreateWorkerAsync(int slot, CancellationToken cancellationToken)
    {
        var worker = new TestWorker(slot);
        Workers.Enqueue(worker);
        return Task.FromResult(worker);
    }

    public Task<TestResult> ProcessAsync(string item, TestWorker worker, CancellationToken cancellationToken) => process(item, worker, cancellationToken);

    public TestResult Failed(string item, string reason) => new(item, StageOutcomes.Error, reason);

    public TestResult Settle(TestResult result) => OnSettle(result);
}

internal sealed record TestResult(string Key, string Outcome, string? Reason = null) : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;
}

internal sealed class TestWorker(int slot) : IAsyncDisposable
{
    public int Slot { get; } = slot;

    public int Disposals { get; private set; }

    public ValueTask DisposeAsync()
    {
        Disposals++;
        return ValueTask.CompletedTask;
    }
}
