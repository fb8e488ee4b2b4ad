using System.CommandLine;
using Spectre.Console;
using SweLego.Benchmarking;
using SweLego.Runs;

namespace SweLego.Cli.Commands;

internal static partial class BenchCommands
{
    private static Command CreateAgent()
    {
        var steps = NumericOptions.Whole("--steps", "N", "Steps of the measured episode (one execute_bash each).", 10, 100_000, 200, "-n");
        var concurrent = NumericOptions.Whole("--concurrent", "N", "Rollouts run at once afterwards, each in its own sandbox.", 1, 256, 16);
        var concurrentSteps = NumericOptions.Whole("--concurrent-steps", "N", "Steps of each concurrent rollout.", 1, 10_000, 20);
        var run = CommonOptions.Run();
        var command = new Command("agent",
            "Agent overhead per step: the real loop (HTTP client, text protocol, tools, trajectory saved after every step) against an instant " +
            "scripted model on loopback, one trivial execute_bash per step in a warm bwrap session; the baseline is that command's sandbox " +
            $"round trip on the same session, measured in the same run; the scripted server's own time per request is not counted. Target: median overhead ≤ {AgentBenchmark.TargetMilliseconds:0} ms. " +
            "Then N rollouts at once (errors counted, peak memory of this process). Writes bench/agent.json.\n\n" +
            "Example:\n  swelego bench agent --steps 200 --concurrent 16 --run runs/bench");
        foreach (var option in (Option[])[steps, concurrent, concurrentSteps, run]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            var options = new AgentBenchmarkOptions { Steps = parse.GetValue(steps), Concurrent = parse.GetValue(concurrent), ConcurrentSteps = parse.GetValue(concurrentSteps) };
            folder.StartStage(Stage);
            var report = await folder.GuardStageAsync(Stage, () => AgentBenchmark.RunAsync(options, new Progress<string>(p => AnsiConsole.MarkupLineInterpolated($"[grey]{p}…[/]")), cancellationToken));
            string output = folder.StagePath(Stage, "agent.json");
            AtomicFile.WriteJson(output, report, RunJson.IndentedOptions);
            folder.UpdateStage(Stage, s => s.WithOutput(folder.RelativePath(output)));
            folder.CompleteStage(Stage);
            var table = new Table().AddColumns("per step", "median ms", "p90 ms");
            table.AddRow("sandbox round trip (baseline)", $"{report.BaselineMedianMs:F2}", $"{report.BaselineP90Ms:F2}");
            table.AddRow("agent step", $"{report.StepMedianMs:F2}", $"{report.StepP90Ms:F2}");
            table.AddRow("[bold]agent overhead[/]", $"{report.OverheadMedianMs:F2}", $"{report.OverheadP90Ms:F2}");
            table.AddRow("  of a step: model call (loopback HTTP)", $"{report.ModelMedianMs:F2}", "");
            table.AddRow("    of which the scripted server (not overhead)", $"{report.ServerMedianMs:F2}", "");
            table.AddRow("  of a step: tool (sandbox + observation)", $"{report.ToolMedianMs:F2}", "");
            table.AddRow("  of a step: trajectory save", $"{report.SaveMedianMs:F2}", "");
            AnsiConsole.Write(table);
            string verdict = report.OverheadMedianMs <= report.TargetMs ? "[green]ok[/]" : "[red]over[/]";
            AnsiConsole.MarkupLine($"Median overhead {report.OverheadMedianMs:F2} ms (target ≤ {report.TargetMs:0} ms) {verdict}; step/baseline ratio {report.StepMedianMs / report.BaselineMedianMs:F2}× on {report.ProcessorCount} cores.");
            AnsiConsole.MarkupLineInterpolated(
                $"{report.Concurrent} concurrent rollouts × {report.ConcurrentSteps} steps: {report.ConcurrentSeconds:F1} s, {report.ConcurrentErrors.Count} errors; peak memory of this process {report.PeakMemoryMiB:F0} MiB.");
            foreach (string error in report.ConcurrentErrors.Take(10)) AnsiConsole.MarkupLineInterpolated($"[red]{error}[/]");
            AnsiConsole.MarkupLineInterpolated($"Results: [link]{output}[/]");
            return report.ConcurrentErrors.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
