using System.CommandLine;
using Spectre.Console;
using SweLego.Benchmarking;
using SweLego.Runs;
using SweLego.Sandboxes;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego bench …</c>: benchmarks that report ratios against a baseline measured in the same run.</summary>
internal static class BenchCommands
{
    private const string Stage = "bench";

    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks; each prints ratios against a baseline measured in the same run.");
        bench.Subcommands.Add(CreateSandbox());
        return bench;
    }

    private static Command CreateSandbox()
    {
        var backends = new Option<string[]>("--backend", "-b")
        {
            Description = "Backends to measure (repeat the option).",
            DefaultValueFactory = _ => [.. SandboxBackends.Names],
            AllowMultipleArgumentsPerToken = true,
        }.AcceptOnlyFromAmong([.. SandboxBackends.Names]);
        var iterations = new Option<int>("--iterations", "-n") { Description = "Measured round trips per contender.", DefaultValueFactory = _ => 2000 };
        var warmup = new Option<int>("--warmup") { Description = "Unmeasured round trips first.", DefaultValueFactory = _ => 200 };
        var dockerHost = CommonOptions.DockerHost();
        var run = CommonOptions.Run();

        var command = new Command("sandbox",
            "Round trip of a trivial command ('true') on a warm session per backend, next to a plain persistent bash " +
            "driven through pipes (the baseline). Samples alternate between contenders; prints median/p90 and the ratio " +
            "of medians, and writes bench/sandbox.json to the run folder.\n\n" +
            "Example:\n  swelego bench sandbox --iterations 2000 --run runs/bench");
        foreach (var option in (Option[])[backends, iterations, warmup, dockerHost, run]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            int n = parse.GetValue(iterations);
            if (n < 10) throw new UsageException("--iterations must be at least 10.");
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            folder.StartStage(Stage);
            var options = new SandboxBenchmarkOptions { Iterations = n, Warmup = Math.Max(0, parse.GetValue(warmup)), DockerEndpoint = parse.GetValue(dockerHost) };
            SandboxBenchmarkReport? report = null;
            try
            {
                await AnsiConsole.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask("sandbox round trips", maxValue: 1);
                    report = await SandboxBenchmark.RunAsync(parse.GetValue(backends)!, options, new Progress<double>(v => task.Value = v), cancellationToken);
                });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                folder.FailStage(Stage, e.Message);
                throw;
            }

            string output = folder.StagePath(Stage, "sandbox.json");
            AtomicFile.WriteJson(output, report!, RunJson.IndentedOptions);
            folder.UpdateStage(Stage, s => s.WithOutput(folder.RelativePath(output)));
            folder.CompleteStage(Stage);
            Print(report!);
            AnsiConsole.MarkupLineInterpolated($"Results: [link]{output}[/]");
            return 0;
        });
        return command;
    }

    private static void Print(SandboxBenchmarkReport report)
    {
        var table = new Table().AddColumns("contender", "median µs", "p90 µs", "mean µs", "ratio (median)", "target", "");
        foreach (var row in report.Rows)
        {
            table.AddRow(
                row.Name, $"{row.MedianMicroseconds:F1}", $"{row.P90Microseconds:F1}", $"{row.MeanMicroseconds:F1}", $"{row.Ratio:F2}×",
                row.Target is { } t ? $"≤ {t:F0}×" : "", row.MeetsTarget switch { true => "[green]ok[/]", false => "[red]over[/]", null => "" });
        }

        AnsiConsole.MarkupLineInterpolated($"'{report.Command}' round trip, {report.Iterations} samples each, {report.Cores} cores:");
        AnsiConsole.Write(table);
    }
}
