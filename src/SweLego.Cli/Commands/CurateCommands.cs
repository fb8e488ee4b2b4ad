using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SweLego.Curation;
using SweLego.Curation.Masking;
using SweLego.Runs;
using SweLego.Tokenization;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego curate RUN</c> and its helpers: <c>explain</c>, <c>rules</c>, <c>stats</c>.</summary>
internal static class CurateCommands
{
    public static Command Create()
    {
        var runArgument = new Argument<string>("RUN") { Description = "The run folder with rollouts (and their evaluation) or imported trajectories." };
        var tokenizer = new Option<string?>("--tokenizer") { Description = "The model's tokenizer.json (default: $SWELEGO_TOKENIZER, else the Qwen3 tokenizer scripts/setup.sh installs).", HelpName = "FILE" };
        var rules = new Option<string?>("--rules") { Description = "A masking rules YAML file (see `swelego curate rules --dump`); default: the built-in rules.", HelpName = "FILE" };
        var noMask = new Option<bool>("--no-mask") { Description = "Train on every turn (the rules still run; their decisions are recorded, unmasked)." };
        var cutoff = NumericOptions.Whole("--cutoff-len", "N", "LLaMA-Factory's cutoff_len: longer records are cut as the trainer cuts them", 1, int.MaxValue, 131_072);
        var maxTurns = NumericOptions.Whole("--max-turns", "N", "Drop trajectories with more assistant turns", 1, 100_000, 100);
        var noSemi = new Option<bool>("--no-semi-resolved") { Description = "Do not recycle semi-resolved trajectories (unresolved, but touching exactly the gold patch's files)." };
        var unevaluated = new Option<bool>("--include-unevaluated") { Description = "Keep trajectories that have no evaluation label (imported without a report)." };
        var bins = new Option<string>("--bins") { Description = "Curriculum bins NAME:MAX_TURNS,… (stage k trains on bins 1..k).", HelpName = "BINS", DefaultValueFactory = _ => CurriculumBins.Default.ToString() };
        var decontaminate = new Option<string[]>("--decontaminate") { Description = "An evaluation set (SWE-bench Verified Parquet/JSONL, a dataset folder, …): trajectories of its repositories or instances are left out. Repeatable.", HelpName = "FILE", AllowMultipleArgumentsPerToken = false };
        var instances = new Option<string[]>("--instances") { Description = "Instance files with the gold patches (besides the run's own and those its evaluation read). Repeatable.", HelpName = "FILE" };
        var jobs = NumericOptions.Whole("--jobs", "J", "Trajectories curated at once", 1, 256, Environment.ProcessorCount, "-j");
        var rerun = new Option<bool>("--rerun") { Description = "Curate again from the start (needed after changing settings)." };
        var command = new Command("curate",
            "Turn a run's trajectories into training data: filters (each counted), step-level error masking by auditable rules, the " +
            "training conversation in the text protocol, exact token counts for the qwen3_nothink template with LLaMA-Factory's cut at " +
            "--cutoff-len, and the turn-count curriculum. Writes curation/kept.jsonl, dropped.jsonl, settings.json and report.json; " +
            "then `swelego export RUN --format …`. Re-running resumes.\n\nFilters, in order:\n" +
            string.Join("\n", CurationFilters.All.Select(f => $"  {f.Id}: {f.Meaning}")) +
            "\n\nExamples:\n  swelego curate runs/mylib\n  swelego curate runs/mylib --decontaminate swe-bench-verified.parquet --rules my-rules.yaml --rerun");
        command.Arguments.Add(runArgument);
        foreach (var option in (Option[])[tokenizer, rules, noMask, cutoff, maxTurns, noSemi, unevaluated, bins, decontaminate, instances, jobs, rerun])
            command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var run = RunFolder.Open(parse.GetValue(runArgument)!);
            var maskingRules = parse.GetValue(rules) is { } path ? MaskingRules.Load(path) : MaskingRules.Default;
            var masker = new StepMasker(maskingRules);
            CurriculumBins curriculum;
            try { curriculum = CurriculumBins.Parse(parse.GetValue(bins)!); }
            catch (ArgumentException e) { throw new UsageException($"--bins: {e.Message}"); }
            var options = new CurationOptions
            {
                Tokenizer = HuggingFaceTokenizer.Load(TokenizerFiles.Resolve(parse.GetValue(tokenizer))),
                Masker = masker.Decide,
                MaskingRules = maskingRules.Source,
                MaskingRulesSha256 = maskingRules.ContentHash,
                Masking = !parse.GetValue(noMask),
                CutoffLen = parse.GetValue(cutoff),
                MaxTurns = parse.GetValue(maxTurns),
                SemiResolved = !parse.GetValue(noSemi),
                IncludeUnevaluated = parse.GetValue(unevaluated),
                Bins = curriculum,
                Decontaminate = parse.GetValue(decontaminate) ?? [],
                Instances = parse.GetValue(instances) ?? [],
                Jobs = parse.GetValue(jobs),
                Rerun = parse.GetValue(rerun),
            };
            CurationSummary summary;
            try
            {
                summary = await StageProgressDisplay.RunAsync(progress => CurationStage.RunAsync(run, options, progress, cancellationToken));
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            Print(summary.Report, run);
            foreach (string problem in summary.Problems.Take(10)) CliConsole.ForOutput().MarkupLineInterpolated($"[yellow]instances:[/] {problem}");
            return 0;
        });
        command.Subcommands.Add(CreateExplain());
        command.Subcommands.Add(CurateRulesCommand.Create());
        command.Subcommands.Add(CurateStatsCommand.Create());
        return command;
    }

    private static void Print(CurationReport report, RunFolder run)
    {
        var console = CliConsole.ForOutput();
        var filters = new Table().AddColumn("filter").AddColumn(new TableColumn("dropped").RightAligned()).AddColumn("meaning");
        foreach (var filter in report.Filters.Where(f => f.Dropped > 0))
            filters.AddRow(filter.Id, Number(filter.Dropped), Markup.Escape(filter.Meaning));
        console.Write(filters);
        var tokens = report.Tokens;
        console.MarkupLineInterpolated(
            $"{report.Kept} of {report.Candidates} trajectories kept ({string.Join(", ", report.Labels.Select(l => $"{l.Value} {l.Key}"))}); {report.MaskedTurns} of {report.AssistantTurns} assistant turns masked.");
        console.MarkupLineInterpolated(
            $"Tokens: {Number(tokens.Total)} in the sequences, {Number(tokens.Trained)} trained, {Number(tokens.Masked)} masked, {Number(tokens.Truncated)} cut by cutoff_len {report.Settings.CutoffLen} ({report.TruncatedRecords} records).");
        console.MarkupLineInterpolated(
            $"Curriculum: {string.Join(" → ", report.Curriculum.Select(s => $"{s.Bin} {s.BinRecords} (stage {s.Stage}: {s.Records})"))}.");
        if (report.Decontaminated.Count > 0)
            console.MarkupLineInterpolated($"Decontaminated: {report.Decontaminated.Count} {(report.Decontaminated.Count == 1 ? "trajectory" : "trajectories")} left out (list in report.json).");
        console.MarkupLineInterpolated($"Records: {run.StagePath(CurationStage.Stage, CurationStage.KeptFile)}; next: swelego export {run.DirectoryPath} --format llamafactory");
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static Command CreateExplain()
    {
        var runArgument = new Argument<string>("RUN") { Description = "The curated run folder." };
        var id = new Argument<string>("ID") { Description = "The instance id, or instance#rollout (default rollout 0)." };
        var rules = new Option<string?>("--rules") { Description = "Decide with these rules instead of showing what curation recorded.", HelpName = "FILE" };
        var command = new Command("explain",
            "Show a trajectory's turns with their masking decision and rule (what curation recorded, or with --rules what a rules file " +
            "would decide), or why curation dropped it.\n\nExample:\n  swelego curate explain runs/mylib mylib__mylib-12#0");
        command.Arguments.Add(runArgument);
        command.Arguments.Add(id);
        command.Options.Add(rules);
        command.SetAction(parse =>
        {
            var run = RunFolder.Open(parse.GetValue(runArgument)!);
            string key = parse.GetValue(id)!;
            if (!key.Contains('#', StringComparison.Ordinal)) key += "#0";
            var console = CliConsole.ForOutput();
            var explained = CurationExplain.Find(run, key);
            if (explained.Dropped is { } dropped)
                console.MarkupLineInterpolated($"[yellow]dropped[/] by [bold]{dropped.Filter}[/]: {dropped.Reason}");
            var decisions = parse.GetValue(rules) is { } path ? new StepMasker(MaskingRules.Load(path)).Decide(explained.Trajectory) : explained.Decisions;
            if (decisions is null)
            {
                console.MarkupLine("No masking decisions were recorded for it (it was dropped before masking); pass --rules FILE to see what rules would decide.");
                return 0;
            }

            foreach (string line in MaskingExplanation.Render(explained.Trajectory, decisions)) Console.Out.WriteLine(line);
            return 0;
        });
        return command;
    }
}
