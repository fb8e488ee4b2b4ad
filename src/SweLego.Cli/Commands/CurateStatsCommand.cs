using System.CommandLine;
using Spectre.Console;
using SweLego.Curation;
using SweLego.Curation.Stats;
using SweLego.Runs;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego curate stats RUN</c>: statistics, tables and charts of a curated run (a subcommand of <c>curate</c>).</summary>
internal static class CurateStatsCommand
{
    internal static Command Create()
    {
        var runArgument = new Argument<string>("RUN") { Description = "The run folder curated by `swelego curate`." };
        var output = new Option<string?>("--out") { Description = "Folder for stats.json, stats.md and the charts (default RUN/curation/stats).", HelpName = "DIR" };
        var bucket = NumericOptions.Whole("--bucket", "N", "Turns per bucket of the resolve rate by turns.", 1, 1000, CurationStatsBuilder.DefaultBucketSize);
        var json = new Option<bool>("--json") { Description = "Print stats.json instead of the tables." };
        var command = new Command("stats",
            "Statistics of a curated run: resolve rate by turn-count bucket over every evaluated trajectory (kept or dropped) with its Pearson " +
            "correlation with length (the paper reports r = -0.95), masked share of assistant turns and tokens by rule, token histograms, " +
            "the curriculum split and label sources. Writes stats.json, stats.md and charts (PNG and SVG) into RUN/curation/stats.\n\n" +
            "Example:\n  swelego curate stats runs/mylib --bucket 20");
        command.Arguments.Add(runArgument);
        foreach (var option in (Option[])[output, bucket, json]) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var run = RunFolder.Open(parse.GetValue(runArgument)!);
            string curation = run.StageDirectory(CurationStage.Stage);
            if (!CurationStatsBuilder.HasInput(curation))
                throw new UsageException($"{run.DirectoryPath} has no curation output ({Path.Combine(curation, CurationStage.KeptFile)}): run `swelego curate {run.DirectoryPath}` first.");

            var stats = CurationStatsBuilder.Build(curation, parse.GetValue(bucket));
            var files = CurationStatsWriter.Write(stats, parse.GetValue(output) ?? CurationStatsWriter.DefaultDirectory(curation));
            if (parse.GetValue(json))
            {
                Console.Out.Write(File.ReadAllText(files[0]));
                return 0;
            }

            var console = CliConsole.ForOutput();
            foreach (var table in StatsTables.Build(stats)) Write(console, table);
            foreach (string note in stats.Notes) console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
            console.WriteLine("Wrote:");
            foreach (string file in files) console.WriteLine("  " + file);
            return 0;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, StatsTable stats)
    {
        var table = new Table { Title = new TableTitle(stats.Title) };
        foreach (var column in stats.Columns)
            table.AddColumn(column.Numeric ? new TableColumn(Markup.Escape(column.Header)).RightAligned() : new TableColumn(Markup.Escape(column.Header)));
        foreach (var row in stats.Rows) table.AddRow([.. row.Select(Markup.Escape)]);
        if (stats.Rows.Count > 0) console.Write(table);
        else console.MarkupLineInterpolated($"[bold]{stats.Title}[/]: none");
        foreach (string line in stats.Caption) console.WriteLine(line);
        console.WriteLine();
    }
}
