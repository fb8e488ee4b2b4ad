using System.CommandLine;
using System.Reflection;
using Spectre.Console;
using SweLego.Benchmarking;
using SweLego.Runs;

namespace SweLego.Cli.Commands;

internal static partial class BenchCommands
{
    private static Command CreateCurate()
    {
        var count = NumericOptions.Whole("--count", "N", "Trajectories to generate (the paper's set: 18,000).", 1, 1_000_000, 18_000, "-n");
        var seed = NumericOptions.Whole("--seed", "S", "Seed of the generated run.", 0, int.MaxValue, 13);
        var keep = new Option<string?>("--keep") { Description = "Generate into this folder and keep it (default: a temporary folder, removed at the end).", HelpName = "DIR" };
        var tokenizer = TokenizeCommand.Tokenizer();
        var run = CommonOptions.Run();
        var command = new Command("curate",
            "Curation at scale: generates a run of realistic trajectories (30–100 turns, observations cut from real Python sources, " +
            "verdicts and gold patches), then runs `swelego curate` and `swelego export --format llamafactory` on it as separate processes, " +
            $"timing each and sampling its peak memory. Targets: together under {CurationBenchmark.TargetSeconds:0} s, each under " +
            $"{CurationBenchmark.TargetMebibytes:0} MiB. Needs ~12 GB of disk for 18,000 trajectories. Writes bench/curate.json.\n\n" +
            "Example:\n  swelego bench curate -n 18000 --run runs/bench");
        foreach (var option in (Option[])[count, seed, keep, tokenizer, run]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            string? kept = parse.GetValue(keep);
            string target = kept ?? Directory.CreateTempSubdirectory("swelego-bench-curate-").FullName;
            folder.StartStage(Stage);
            try
            {
                var report = await folder.GuardStageAsync(Stage, () => CurationBenchmark.RunAsync(target, parse.GetValue(count), parse.GetValue(seed),
                    SelfCommand(), parse.GetValue(tokenizer), new Progress<string>(p => AnsiConsole.MarkupLineInterpolated($"[grey]{p}…[/]")), cancellationToken));
                string output = folder.StagePath(Stage, "curate.json");
                AtomicFile.WriteJson(output, report, RunJson.IndentedOptions);
                folder.UpdateStage(Stage, s => s.WithOutput(folder.RelativePath(output)));
                folder.CompleteStage(Stage);
                var table = new Table().AddColumns("command", "seconds", "peak MiB");
                foreach (var measured in new[] { report.Curate, report.Export })
                    table.AddRow($"swelego {measured.Command}", $"{measured.Seconds:F1}", $"{measured.PeakMebibytes:F0}");
                AnsiConsole.MarkupLineInterpolated(
                    $"{report.Trajectories:N0} trajectories, {report.TrajectoryBytes / 1e9:F2} GB (generated in {report.GenerateSeconds:F0} s, {report.Cores} cores); {report.Kept:N0} kept, {report.Tokens.Total:N0} tokens ({report.Tokens.Trained:N0} trained, {report.Tokens.Masked:N0} masked, {report.Tokens.Truncated:N0} cut).");
                AnsiConsole.Write(table);
                string verdict = report.MeetsTargets ? "[green]within the targets[/]" : "[yellow]outside the targets[/]";
                AnsiConsole.MarkupLine($"Curate + export: {report.TotalSeconds:F1} s (target < {CurationBenchmark.TargetSeconds:0} s), each under {CurationBenchmark.TargetMebibytes:0} MiB: {verdict}.");
                AnsiConsole.MarkupLineInterpolated($"Results: [link]{output}[/]");
                return 0;
            }
            finally
            {
                if (kept is null) Directory.Delete(target, recursive: true);
            }
        });
        return command;
    }

    // This CLI as a child process: the apphost itself, or `dotnet SweLego.Cli.dll` when run through dotnet.
    private static string[] SelfCommand()
    {
        string host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, Assembly.GetEntryAssembly()!.Location] : [host];
    }
}
