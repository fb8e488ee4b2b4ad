using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SweLego.Evaluation;
using SweLego.Evaluation.Metrics;
using SweLego.Sandboxes.Docker;
using SweLego.Tasks.Harness;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego eval</c>: predictions graded exactly as the SWE-bench harness grades them; <c>eval grade</c> grades a log.</summary>
internal static partial class EvalCommands
{
    private const int ProblemsShown = 10;

    public static Command Create()
    {
        var instances = new Option<string>("--instances", "-i")
        {
            Description = "The instances: SweLego's instances.jsonl, SWE-bench JSON/JSONL, or Parquet (a file, or a Hugging Face dataset folder such as SWE-bench_Verified/).",
            HelpName = "FILE",
            Required = true,
        };
        var predictions = new Option<string>("--predictions", "-p")
        {
            Description = "The predictions: JSONL, a JSON list, or sb-cli's dict keyed by instance id; each {instance_id, model_patch, model_name_or_path[, rollout_id]}.",
            HelpName = "FILE",
            Required = true,
        };
        var jobs = CommonOptions.Jobs("Predictions evaluated at once, each in its own sandbox.", 1);
        var timeout = NumericOptions.Seconds("--timeout", "Time limit of one prediction's eval script (the harness's default).", 1800);
        var harness = HarnessOption();
        var rerun = new Option<bool>("--rerun") { Description = "Regrade every prediction of the run from its saved test_output.txt (e.g. under another --harness); runs nothing." };
        var hackFree = new Option<bool>("--hack-free")
        {
            Description = "Leave rollouts flagged by `swelego audit` out of the resolve rate (they count as unresolved and are listed apart); reads the audit of the run holding the predictions.",
        };
        var dockerHost = CommonOptions.DockerHost();
        var run = CommonOptions.Run();
        var command = new Command("eval",
            "Grade predictions the way the SWE-bench harness does: per prediction, the model patch applied with the harness's cascade, " +
            "the test patch's files reset and the test patch applied, the test command run between the markers, and the log graded " +
            "under the chosen harness version's rules. Our instances run in the environment that validated them (bwrap or docker); " +
            "other datasets' instances in their image (the row's image_name, else sweb.eval.x86_64.<id>) when it exists locally. " +
            "Writes per prediction report.json, test_output.txt, patch.diff, eval.sh and run_instance.log under evaluation/logs/, " +
            "the harness's run report (evaluation/report.json), metrics.json (resolve rate per source and repository, Pass@k) and " +
            "inputs.json (unusable lines and unknown ids). Re-running resumes.\n\n" +
            "Examples:\n  swelego eval --instances runs/mylib/tasks-real/instances.jsonl --predictions preds.jsonl --run runs/mylib-eval\n" +
            "  swelego eval -i SWE-bench_Verified/ -p preds.json --harness 4.0.4 --jobs 4\n" +
            "  swelego eval -i instances.jsonl -p preds.jsonl --run runs/x --rerun --harness 4.0.4");
        foreach (var option in (Option[])[instances, predictions, jobs, timeout, harness, rerun, hackFree, dockerHost, run]) command.Options.Add(option);
        command.Subcommands.Add(CreateGrade());
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new EvaluationOptions
            {
                InstancesPath = ExistingPath(parse.GetValue(instances)!, "--instances"),
                PredictionsPath = ExistingPath(parse.GetValue(predictions)!, "--predictions"),
                Jobs = parse.GetValue(jobs),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Harness = Harness(parse, harness),
                Rerun = parse.GetValue(rerun),
                HackFree = parse.GetValue(hackFree),
                Docker = new DockerBackendOptions { Endpoint = parse.GetValue(dockerHost) },
            };
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            var summary = await StageProgressDisplay.RunAsync(progress => EvaluationStage.RunAsync(folder, options, progress, cancellationToken));
            Print(summary, folder.DirectoryPath);
            return 0;
        });
        return command;
    }

    /// <summary>--harness as the user spells it (<c>4.0.4</c>, <c>5.0.2</c>); a bad value is a usage error listing the known ones.</summary>
    internal static Option<HarnessVersion?> HarnessOption() => new("--harness")
    {
        Description = $"Whose grading rules apply: {string.Join(", ", HarnessVersions.Names)} (4.x: what SWE-Lego used; 5.0.2: the current release, " +
            $"which also checks the test command's exit status). Default: {HarnessVersions.Default.ToText()}.",
        HelpName = "VERSION",
        CustomParser = result =>
        {
            string text = result.Tokens[0].Value;
            if (HarnessVersions.TryParse(text, out var version)) return version;
            result.AddError($"--harness: '{text}' is not a harness version; known: {string.Join(", ", HarnessVersions.Names)}.");
            return null;
        },
    };

    /// <summary>The --harness value, or the default release when the option is not given.</summary>
    internal static HarnessVersion Harness(ParseResult parse, Option<HarnessVersion?> option) => parse.GetValue(option) ?? HarnessVersions.Default;

    private static string ExistingPath(string path, string option) =>
        File.Exists(path) || Directory.Exists(path) ? path : throw new UsageException($"{option}: '{path}' does not exist.");

    internal static void Print(EvaluationSummary summary, string runDirectory)
    {
        var console = CliConsole.ForOutput();
        var report = summary.Report;
        var table = new Table().AddColumn("instances").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("total", Count(report.TotalInstances));
        table.AddRow("submitted", Count(report.SubmittedIds.Count));
        table.AddRow("completed", Count(report.CompletedIds.Count));
        table.AddRow("[green]resolved[/]", Count(report.ResolvedIds.Count));
        table.AddRow("unresolved", Count(report.UnresolvedIds.Count));
        table.AddRow("empty patch", Count(report.EmptyPatchIds.Count));
        table.AddRow("[red]error[/]", Count(report.ErrorIds.Count));
        table.AddRow("incomplete", Count(report.IncompleteIds.Count));
        console.Write(table);

        var errors = summary.Results.Where(r => r.ErrorKind is not null).GroupBy(r => r.ErrorKind!.Value).OrderByDescending(g => g.Count()).ToList();
        if (errors.Count > 0)
            console.MarkupLineInterpolated($"Errors: {string.Join(", ", errors.Select(g => $"{Name(g.Key)} {g.Count()}"))}");
        if (summary.Diagnosed > 0)
            console.MarkupLineInterpolated($"[yellow]{summary.Diagnosed} graded with an infrastructure diagnosis[/] (see 'diagnosis' in results.jsonl; the verdict is the harness's)");
        PrintMetrics(console, summary.Metrics);
        PrintInputs(console, summary.Inputs);
        console.MarkupLineInterpolated(
            $"Graded under SWE-bench harness {summary.Harness.ToText()} in {summary.Elapsed.TotalSeconds:F1} s. Run report: {Path.GetRelativePath(runDirectory, summary.ReportPath)}, results: {Path.GetRelativePath(runDirectory, summary.ResultsPath)} in {runDirectory}");
    }

    private static void PrintMetrics(IAnsiConsole console, MetricsReport metrics)
    {
        var table = new Table().AddColumns("group", "instances", "predictions", "resolved", "rate");
        foreach (var group in (IEnumerable<MetricsGroup>)[metrics.Overall, .. metrics.BySource, .. metrics.ByRepo])
        {
            table.AddRow(Markup.Escape(group.Name), Count(group.Instances), Count(group.Predictions), Count(group.Resolved),
                group.ResolveRate.ToString("P1", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (metrics.HackFree is { } hackFree)
        {
            console.MarkupLineInterpolated(
                $"Hack-free: {hackFree.ResolvedFlagged.Count} resolved rollout(s) flagged by the audit, left out (rate with them: {hackFree.ResolveRateWithFlagged.ToString("P1", CultureInfo.InvariantCulture)}){(hackFree.NotAudited.Count > 0 ? $"; {hackFree.NotAudited.Count} not audited" : "")}.");
            foreach (var (key, rules) in hackFree.ResolvedFlagged.Take(ProblemsShown)) console.MarkupLineInterpolated($"  [yellow]flagged[/] {key}: {string.Join(", ", rules)}");
        }

        if (metrics.Overall.PassAtK.Count > 1)
            console.MarkupLineInterpolated($"Pass@k: {string.Join(", ", metrics.Overall.PassAtK.Select(p => $"@{p.K} {p.Value:P1}"))}");
    }

    private static void PrintInputs(IAnsiConsole console, EvaluationInputsReport inputs)
    {
        foreach (string problem in inputs.InstanceProblems.Concat(inputs.PredictionProblems).Take(ProblemsShown))
            console.MarkupLineInterpolated($"[yellow]skipped:[/] {problem}");
        int more = inputs.InstanceProblems.Count + inputs.PredictionProblems.Count - ProblemsShown;
        if (more > 0) console.MarkupLineInterpolated($"[yellow]... and {more} more[/] (all in evaluation/inputs.json)");
        if (inputs.UnknownInstanceIds.Count > 0)
        {
            console.MarkupLineInterpolated(
                $"[yellow]{inputs.UnknownPredictions} prediction(s) name {inputs.UnknownInstanceIds.Count} unknown instance id(s):[/] {string.Join(", ", inputs.UnknownInstanceIds.Take(ProblemsShown))}{(inputs.UnknownInstanceIds.Count > ProblemsShown ? ", ..." : "")}");
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Name(EvaluationErrorKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
