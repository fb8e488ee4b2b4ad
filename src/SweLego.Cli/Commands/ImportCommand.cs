using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SweLego.Curation.Import;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego import FORMAT PATH --run DIR</c>: other tools' trajectories into the run's import stage.</summary>
internal static class ImportCommand
{
    /// <summary>Skipped records named on the console; the rest are in import/skipped.jsonl.</summary>
    private const int SkippedShown = 20;

    public static Command Create()
    {
        var format = new Argument<string>("FORMAT") { Description = "The source format: " + string.Join(", ", ImporterRegistry.All.Select(i => i.Format)) + "." }
            .AcceptOnlyFromAmong([.. ImporterRegistry.All.Select(i => i.Format)]);
        var path = new Argument<string>("PATH") { Description = "The file, or the folder of files, the tool wrote." };
        var model = new Option<string?>("--model") { Description = "Model name for trajectories whose source names none (default: unknown).", HelpName = "NAME" };
        var run = CommonOptions.Run();
        var command = new Command("import",
            "Converts trajectories made by other tools into our trajectory format (import/trajectories/<instance>/<rollout>.json, " +
            "listed in import/imported.jsonl), so curation masks, counts and exports them like our own rollouts. Formats:\n" +
            string.Join("\n", ImporterRegistry.All.Select(i => $"  {i.Format}: {i.Description}")) +
            "\nCalls map onto our four tools where the meaning is the same (bash → execute_bash, str_replace_editor, think, " +
            "finish/submit → finish); other commands are kept under their own name and counted as unmapped. Labels come from the record " +
            "itself (OpenHands report/test_result, a dataset's resolved/label/score column) or from evaluation files beside PATH (SWE-bench " +
            "logs/run_evaluation/*/*/<instance>/report.json, a run report with resolved_ids such as OpenHands' report.json); otherwise the " +
            "trajectory is unevaluated: grade the patches in import/predictions.jsonl with `swelego eval`. A record that cannot be read is " +
            "named in import/skipped.jsonl and the others go on; importing the same file again adds nothing. Exit 1 when nothing could be imported.\n\n" +
            "Examples:\n  swelego import openhands evaluation/outputs/output.jsonl --run runs/sft\n" +
            "  swelego import swe-agent trajectories/me/run1 --run runs/sft\n" +
            "  swelego import messages datasets/SWE-smith-trajectories/data --run runs/sft");
        command.Arguments.Add(format);
        command.Arguments.Add(path);
        command.Options.Add(model);
        command.Options.Add(run);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string input = parse.GetValue(path)!;
            if (!File.Exists(input) && !Directory.Exists(input)) throw new UsageException($"PATH: '{input}' does not exist.");
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            var summary = await TrajectoryImport.RunAsync(folder, parse.GetValue(format)!, input, parse.GetValue(model), cancellationToken);
            return Print(summary, input, folder.DirectoryPath);
        });
        return command;
    }

    private static int Print(ImportSummary summary, string input, string runPath)
    {
        var console = CliConsole.ForOutput();
        foreach (var skip in summary.Skipped.Take(SkippedShown)) console.MarkupLineInterpolated($"[yellow]skipped:[/] {skip}");
        if (summary.Skipped.Count > SkippedShown) console.WriteLine($"… and {summary.Skipped.Count - SkippedShown} more skipped");
        string stage = Path.Combine(runPath, TrajectoryImport.Stage);
        console.WriteLine($"{summary.Format}: imported {summary.Added}, already imported {summary.AlreadyImported}, skipped {summary.Skipped.Count} " +
            $"(list: {Path.Combine(stage, TrajectoryImport.SkippedFile)}).");
        var records = summary.Records;
        console.WriteLine($"{records.Count} imported trajectories in {Path.Combine(stage, TrajectoryImport.ImportedFile)}: " +
            $"resolved {records.Count(r => r.Resolved == true)}, unresolved {records.Count(r => r.Resolved == false)}, unevaluated {records.Count(r => r.Resolved is null)}, " +
            $"unmapped calls {records.Sum(r => r.UnmappedCalls).ToString(CultureInfo.InvariantCulture)}.");
        foreach (var group in records.Where(r => r.LabelSource is not null).GroupBy(r => r.LabelSource).OrderBy(g => g.Key, StringComparer.Ordinal))
            console.WriteLine($"  labels from {group.Key}: {group.Count()}");
        if (records.Any(r => r.Resolved is null))
            console.WriteLine($"Grade the unevaluated ones with: swelego eval -i INSTANCES -p {summary.PredictionsPath} --run {runPath}");
        if (!summary.NothingImported) return 0;
        Console.Error.WriteLine($"error: nothing could be imported from {input} as {summary.Format}.");
        return CliApp.Failure;
    }
}
