using System.CommandLine;
using Spectre.Console;
using SweLego.Benchmarking;
using SweLego.Runs;
using SweLego.Samples;
using SweLego.Tasks.Real;

namespace SweLego.Cli.Commands;

internal static partial class BenchCommands
{
    private static Command CreateEval()
    {
        var repository = new Argument<string?>("repository")
        {
            Description = "Repository whose real task instances are evaluated (default: the sample library's history, created in a temp folder).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var run = CommonOptions.Run();
        var command = new Command("eval",
            "What 'swelego eval' costs beyond the test runs themselves: mines the repository's real tasks offline (not measured), " +
            "evaluates every gold patch with one job, then runs the same test files directly on the host (python3 -m pytest -rA in a " +
            "plain checkout, the baseline) and prints both times and the overhead (target ≤ 10 %). Writes bench/eval.json.\n\n" +
            "Example:\n  swelego bench eval");
        command.Arguments.Add(repository);
        command.Options.Add(run);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            folder.StartStage(Stage);
            string work = Directory.CreateTempSubdirectory("swelego-bench-eval-").FullName;
            EvaluationBenchmarkReport? report = null;
            await folder.GuardStageAsync(Stage, async () =>
            {
                try
                {
                    await AnsiConsole.Status().StartAsync("Preparing", async context =>
                    {
                        string repo = parse.GetValue(repository) ?? await SampleRepository.CreateHistoryAsync(Path.Combine(work, "tally"), cancellationToken);
                        string? prs = parse.GetValue(repository) is null
                            ? await SampleRepository.WritePrsFileAsync(repo, Path.Combine(work, "prs.jsonl"), cancellationToken)
                            : null;
                        report = await EvaluationBenchmark.RunAsync(new RealTaskOptions { Repository = repo, PrsFile = prs, Offline = true }, work,
                            progress: new Progress<string>(s => context.Status(Markup.Escape(s))), cancellationToken: cancellationToken);
                    });
                }
                finally
                {
                    Directory.Delete(work, recursive: true);
                }

                return report;
            });

            string output = folder.StagePath(Stage, "eval.json");
            AtomicFile.WriteJson(output, report!, RunJson.IndentedOptions);
            folder.UpdateStage(Stage, s => s.WithOutput(folder.RelativePath(output)));
            folder.CompleteStage(Stage);
            var r = report!;
            var table = new Table().AddColumns("", "seconds");
            table.AddRow($"swelego eval, {r.Instances} gold patches, one job (whole command)", $"{r.EvaluationSeconds:F2}");
            table.AddRow("  starting the sandbox (once per environment and job)", $"{r.SandboxStartSeconds:F2}");
            table.AddRow("  the predictions (checkout, patches, eval script, grading, files)", $"{r.PredictionSeconds:F2}");
            table.AddRow("    of which the eval scripts in the sandbox", $"{r.SandboxTestSeconds:F2}");
            table.AddRow("the same test files run directly (baseline)", $"{r.RawTestSeconds:F2}");
            AnsiConsole.Write(table);
            string verdict = r.MeetsTarget ? "[green]met[/]" : "[red]not met[/]";
            AnsiConsole.MarkupLine(Markup.Escape($"Overhead of the predictions beyond the raw test runs: {r.Overhead:P1} (target ≤ {r.Target:P0}: ") + verdict +
                Markup.Escape($"); whole command: {r.OverheadWholeCommand:P1}. {r.Resolved} of {r.Instances} resolved, harness {r.Harness}."));
            AnsiConsole.MarkupLineInterpolated($"Results: {output}");
            return 0;
        });
        return command;
    }
}
