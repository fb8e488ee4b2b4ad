using System.CommandLine;
using Spectre.Console;
using SweLego.Benchmarking;
using SweLego.Runs;
using SweLego.Samples;
using SweLego.Tasks.Synthetic;

namespace SweLego.Cli.Commands;

internal static partial class BenchCommands
{
    private static Command CreateSynth()
    {
        var repository = new Argument<string?>("repository")
        {
            Description = "Repository to inject bugs into (default: the sample library's history, created in a temp folder).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var max = NumericOptions.Whole("--max", "N", "Instances each strategy makes.", 1, 100_000, 12);
        var seed = CommonOptions.Seed("Candidate order (the same for both strategies).");
        var auditRate = CommonOptions.AuditRate("Share of the fast mode's instances also run with the whole suite (counted in its time).");
        var run = CommonOptions.Run();
        var command = new Command("synth",
            "Synthetic task generation: candidates generated per second, and validation seconds per accepted bug of the fast mode (only " +
            "the tests that execute the bug's function run; PASS_TO_PASS of the others from the clean baseline; a sampled full-suite audit " +
            "counts how often the lists differ) and of coverage-guided exact PASS_TO_PASS, against running the whole suite for every " +
            "candidate; same seed and candidates, one job each, environments built offline. Writes bench/synth.json.\n\n" +
            "Example:\n  swelego bench synth --max 12");
        command.Arguments.Add(repository);
        foreach (var option in (Option[])[max, seed, auditRate, run]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            folder.StartStage(Stage);
            string work = Directory.CreateTempSubdirectory("swelego-bench-synth-").FullName;
            SyntheticBenchmarkReport? report = null;
            await folder.GuardStageAsync(Stage, async () =>
            {
                try
                {
                    await AnsiConsole.Status().StartAsync("Preparing", async context =>
                    {
                        string repo = parse.GetValue(repository) ?? await SampleRepository.CreateHistoryAsync(Path.Combine(work, "tally"), cancellationToken);
                        var options = new SyntheticTaskOptions { Repository = repo, Offline = true, Max = parse.GetValue(max), Seed = parse.GetValue(seed), AuditRate = parse.GetValue(auditRate) };
                        report = await SyntheticBenchmark.RunAsync(options, work, new Progress<string>(s => context.Status(Markup.Escape(s))), cancellationToken);
                    });
                }
                finally
                {
                    Directory.Delete(work, recursive: true);
                }

                return report;
            });

            string output = folder.StagePath(Stage, "synth.json");
            AtomicFile.WriteJson(output, report!, RunJson.IndentedOptions);
            folder.UpdateStage(Stage, s => s.WithOutput(folder.RelativePath(output)));
            folder.CompleteStage(Stage);
            var r = report!;
            AnsiConsole.MarkupLineInterpolated($"Generation: {r.Candidates} candidates on {r.TargetFunctions} covered functions, {r.CandidatesPerSecond:F0} candidates/s.");
            var table = new Table().AddColumns("validation", "accepted bugs", "candidates", "s per accepted bug", "ratio");
            table.AddRow("whole suite for every candidate (baseline)", $"{r.FullSuite.Kept}", $"{r.FullSuite.Validated}", $"{r.FullSuite.SecondsPerKept:F2}", "1.00×");
            table.AddRow("coverage-guided, exact PASS_TO_PASS (--exact-p2p)", $"{r.Exact.Kept}", $"{r.Exact.Validated}", $"{r.Exact.SecondsPerKept:F2}", $"{r.ExactSpeedup:F2}× faster");
            table.AddRow("fast mode (covering tests only, audits included)", $"{r.Fast.Kept}", $"{r.Fast.Validated}", $"{r.Fast.SecondsPerKept:F2}", $"{r.Speedup:F2}× faster");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated(
                $"Fast mode: {r.FastModeKept} of {r.Fast.Kept} instances from covering tests only; audit (rate {r.AuditRate:F2}): {r.AuditDiffered} of {r.Audited} differed from the whole suite ({r.AuditDifferenceRate:P1}).");
            AnsiConsole.MarkupLineInterpolated($"Results: {output}");
            return 0;
        });
        return command;
    }
}
