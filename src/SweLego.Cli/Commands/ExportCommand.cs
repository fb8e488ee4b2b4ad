using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SweLego.Curation.Export;
using SweLego.Runs;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego export RUN --format …</c>: the curated set as training data for a trainer.</summary>
internal static class ExportCommand
{
    private const int ListedRejections = 20;

    public static Command Create()
    {
        var runArgument = new Argument<string>("RUN") { Description = "The run folder (with curation/kept.jsonl and curation/report.json from `swelego curate`)." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "llamafactory: sharegpt JSONL per curriculum bin + dataset_info.json + one training YAML per stage + train.sh; " +
                "openai: chat fine-tuning JSONL (weight 0 on masked turns); parquet: a Hugging Face dataset folder.",
            HelpName = "FORMAT",
            Required = true,
        }.AcceptOnlyFromAmong([.. ExportFormats.All.Select(f => f.Id)]);
        var output = new Option<string?>("--out", "-o") { Description = "The output folder (default RUN/export/<format>); replaced whole when it holds an earlier export.", HelpName = "DIR" };
        var recipe = new Option<string>("--recipe")
        {
            Description = "llamafactory: the released SWE-Lego recipe the YAMLs follow (8b: lr 1e-4, 32b: lr 5e-5).",
            DefaultValueFactory = _ => LlamaFactoryRecipe.Qwen3_8B.Id,
        }.AcceptOnlyFromAmong([.. LlamaFactoryRecipe.All.Select(r => r.Id)]);
        var model = new Option<string?>("--model") { Description = "llamafactory: the base model stage 1 starts from (default Qwen/Qwen3-8B, or -32B with --recipe 32b).", HelpName = "PATH" };
        var name = new Option<string>("--name") { Description = "The dataset's name (file names, dataset_info.json entries, the card's title).", DefaultValueFactory = _ => "swelego" };
        var includeUnevaluated = new Option<bool>("--include-unevaluated") { Description = "Also export records without an evaluation label (imported without a report)." };
        var command = new Command("export",
            "Write a run's curated trajectories (curation/kept.jsonl) as training data. Every record is first checked against LLaMA-Factory's loader " +
            "rules (system first, then user/assistant strictly alternating, ending with an assistant turn, a bool turn_mask on each assistant message); " +
            "a record that breaks one is not written, is named in export.json, and makes the exit code 1. Every export writes a dataset card " +
            "(counts per filter, labels, tokens, masked share by rule, turn histogram, curriculum, decontamination) and export.json. " +
            "The folder appears only when complete.\n\nExample:\n  swelego export runs/mylib --format llamafactory --recipe 8b");
        command.Arguments.Add(runArgument);
        foreach (var option in (Option[])[format, output, recipe, model, name, includeUnevaluated]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var run = RunFolder.Open(parse.GetValue(runArgument)!);
            if (DatasetExport.MissingInput(run) is { } missing) throw new UsageException(missing);
            var options = new ExportOptions
            {
                Format = ExportFormats.Parse(parse.GetValue(format)!),
                OutputDirectory = parse.GetValue(output),
                Recipe = LlamaFactoryRecipe.Parse(parse.GetValue(recipe)!),
                Model = parse.GetValue(model),
                Name = parse.GetValue(name)!,
                IncludeUnevaluated = parse.GetValue(includeUnevaluated),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            var summary = await WithProgressAsync(progress => DatasetExport.RunAsync(run, options, progress, cancellationToken));
            return Print(summary, options.OutputDirectory ?? DatasetExport.DefaultOutput(run, options.Format));
        });
        return command;
    }

    /// <summary>A progress bar on a terminal; nothing when the output is piped (the summary follows either way).</summary>
    private static async Task<ExportSummary> WithProgressAsync(Func<IProgress<ExportProgress>?, Task<ExportSummary>> export)
    {
        if (Console.IsOutputRedirected) return await export(null);
        ExportSummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("export", maxValue: 1);
                summary = await export(new Progress<ExportProgress>(p =>
                {
                    bar.MaxValue = Math.Max(1, p.Total);
                    bar.Value = p.Read;
                    bar.Description = $"export {p.Read}/{p.Total} records";
                }));
                bar.Value = bar.MaxValue;
            });
        return summary!;
    }

    private static int Print(ExportSummary summary, string directory)
    {
        var console = CliConsole.ForOutput();
        directory = Path.GetFullPath(directory);
        console.MarkupLineInterpolated($"Exported {summary.Records} of {summary.Read} records as {summary.Format} to {directory}");
        foreach (var file in summary.Files)
            console.MarkupLineInterpolated($"  {file.Path}{(file.Records is { } n ? $"  {n.ToString(CultureInfo.InvariantCulture)} records" : "")}");
        foreach (var stage in summary.Stages)
            console.MarkupLineInterpolated($"  stage {stage.Stage} ({stage.Bin}): {string.Join(",", stage.Datasets)} from {stage.Model}");
        if (summary.Stages.Count > 0) console.MarkupLineInterpolated($"Train: bash {Path.Combine(directory, "train.sh")}");
        if (summary.SkippedUnevaluated > 0) console.MarkupLineInterpolated($"[yellow]{summary.SkippedUnevaluated} unevaluated records left out[/] (--include-unevaluated exports them).");
        if (summary.Rejected.Count == 0) return 0;
        console.MarkupLineInterpolated($"[red]{summary.Rejected.Count} records refused[/] (LLaMA-Factory's loader rules; all in {Path.Combine(directory, DatasetExport.SummaryFile)}):");
        foreach (var rejected in summary.Rejected.Take(ListedRejections)) console.MarkupLineInterpolated($"  {rejected.Key}: {rejected.Reason}");
        if (summary.Rejected.Count > ListedRejections) console.MarkupLineInterpolated($"  … and {summary.Rejected.Count - ListedRejections} more");
        return CliApp.Failure;
    }
}
