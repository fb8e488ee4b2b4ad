using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using SweLego.Samples;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego demo</c>: the recipe's data steps on the sample library, with the embedded defaults.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var jobs = CommonOptions.Jobs("Candidates validated at once.", 2);
        var max = NumericOptions.Whole("--max-synthetic", "N", "Synthetic instances to make.", 1, 100_000, 40);
        var run = CommonOptions.Run();
        var command = new Command("demo",
            "Run the data side of the recipe on the sample library (samples/tally, its history created by samples/make-history.sh): " +
            "environment (offline venv in bwrap) → real tasks from its bug-fix commits and PRs → synthetic tasks from procedural " +
            "mutators, then print a summary and where the instances are. Re-running with the same --run resumes.\n\n" +
            "Example:\n  swelego demo --run runs/demo");
        foreach (var option in (Option[])[jobs, max, run]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var clock = Stopwatch.StartNew();
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            var demo = await StageProgressDisplay.RunAsync(progress => SampleDemo.RunAsync(folder,
                new SampleDemoOptions { Jobs = parse.GetValue(jobs), MaxSynthetic = parse.GetValue(max) }, progress, cancellationToken));
            var (real, synthetic) = (demo.Real, demo.Synthetic);

            var table = new Table().AddColumns("stage", "instances", "rejected", "where");
            table.AddRow("real tasks", real.Kept.ToString(CultureInfo.InvariantCulture), real.Rejected.Values.Sum().ToString(CultureInfo.InvariantCulture),
                Markup.Escape(folder.RelativePath(real.InstancesPath)));
            table.AddRow("synthetic tasks", synthetic.Kept.ToString(CultureInfo.InvariantCulture), synthetic.Rejected.Values.Sum().ToString(CultureInfo.InvariantCulture),
                Markup.Escape(folder.RelativePath(synthetic.InstancesPath)));
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated(
                $"Synthetic instances by method: {string.Join(", ", synthetic.KeptByMethod.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"))}");
            AnsiConsole.MarkupLineInterpolated($"Done in {clock.Elapsed.TotalSeconds:F0} s. Run folder: {folder.DirectoryPath}");
            AnsiConsole.MarkupLineInterpolated($"Next: swelego tasks validate --run {folder.DirectoryPath}");
            return 0;
        });
        return command;
    }
}
