using Spectre.Console;
using SweLego.Runs.Stages;

namespace SweLego.Cli.Commands;

/// <summary>
/// The live display of stage runs: one progress bar per stage (a verb that chains stages, like the
/// demo, gets one bar each), its description the stage's phase or its items done and outcome counts.
/// </summary>
internal static class StageProgressDisplay
{
    /// <param name="live">More of the description, read at every event (a stage's own live counters).</param>
    public static async Task<T> RunAsync<T>(Func<IProgress<StageProgress>, Task<T>> work, Func<string>? live = null)
    {
        T? result = default;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                // The runner reports one event at a time (under its lock), so the bars never step back.
                result = await work(new Reporter(p =>
                {
                    if (!bars.TryGetValue(p.Stage, out var bar))
                    {
                        foreach (var earlier in bars.Values) earlier.Value = earlier.MaxValue;
                        bars[p.Stage] = bar = context.AddTask(Markup.Escape(p.Stage), maxValue: 1);
                    }

                    bar.MaxValue = Math.Max(1, p.Total);
                    bar.Value = p.Done;
                    bar.Description = Markup.Escape(Describe(p) + (live is not null && p.Phase is null ? " · " + live() : ""));
                }));
                foreach (var bar in bars.Values) bar.Value = bar.MaxValue;
            });
        return result!;
    }

    /// <summary>"tasks-real 6/9 · kept 4, rejected:no_fail_to_pass 2", or the stage's phase before its items run.</summary>
    public static string Describe(StageProgress progress)
    {
        if (progress.Phase is { } phase) return $"{progress.Stage}: {phase}";
        var counts = progress.Counts.OrderByDescending(kv => kv.Key == StageOutcomes.Kept).ThenByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal);
        string text = string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}"));
        return $"{progress.Stage} {progress.Done}/{progress.Total}{(text.Length > 0 ? " · " + text : "")}";
    }

    /// <summary>Reports on the caller's thread: a <see cref="Progress{T}"/> would post events to the thread pool, out of order.</summary>
    private sealed class Reporter(Action<StageProgress> report) : IProgress<StageProgress>
    {
        public void Report(StageProgress value) => report(value);
    }
}
