using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SweLego.Models;
using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Synthetic;
using SweLego.Tasks.Synthetic.Mutators;
using SweLego.Tasks.Synthetic.Rewrite;

namespace SweLego.Cli.Commands;

internal static partial class TaskCommands
{
    private static Command CreateSynth()
    {
        var repository = new Argument<string>("repository") { Description = "The git repository (only read; a mirror is kept in the run folder)." };
        var commit = new Option<string?>("--commit") { Description = "Commit to inject bugs into (default: HEAD).", HelpName = "REV" };
        var methods = new Option<string[]>("--methods")
        {
            Description = $"Bug methods, ids or prefixes (default: every procedural mutator): {string.Join(", ", BugMutators.All.Select(m => m.Id))}; {LlmRewriter.Id} (needs --model-endpoint).",
            HelpName = "ID",
            AllowMultipleArgumentsPerToken = true,
        };
        var seed = CommonOptions.Seed("Orders the candidates; the same seed gives the same instances.");
        var perFunction = NumericOptions.Whole("--per-function", "N", "At most this many instances per function.", 1, 1000, 2);
        var noCoverage = new Option<bool>("--no-coverage") { Description = "Validate every candidate with the whole suite (slower; the benchmark's baseline) instead of its covering tests first." };
        var exactP2P = new Option<bool>("--exact-p2p")
        {
            Description = "Run the rest of the suite for every caught bug (exact PASS_TO_PASS). Default: when the coverage map is complete " +
                "(every test passing at baseline recorded and passing under the tracer), only the tests that execute the bug's function run " +
                "and every other test's status is the clean baseline's (the fast mode).",
        };
        var auditRate = CommonOptions.AuditRate("Share of fast-mode instances also run with the whole suite, to count how often the lists differ (chosen by --seed).");
        var mining = new MiningOptionSet(
            "Clean runs of the suite; tests that change between runs are flaky and left out.",
            "Seconds one test command may take: the clean runs, and at most this for a candidate (whose limit is 10× the slowest clean run, at least 30 s).");
        var modelEndpoint = new Option<Uri?>("--model-endpoint")
        {
            Description = "OpenAI-compatible server (vLLM, SGLang, Ollama, a hosted API), e.g. http://127.0.0.1:8000/v1: enables --methods llm.rewrite and issue-style problem statements.",
            HelpName = "URL",
        };
        var modelName = new Option<string?>("--model") { Description = "Model name the server serves.", HelpName = "NAME" };
        var modelKey = new Option<string?>("--model-api-key") { Description = "API key (default: $OPENAI_API_KEY, else EMPTY, which local servers accept).", HelpName = "KEY" };
        var run = CommonOptions.Run();

        var command = new Command("synth",
            "Inject bugs into the functions the tests execute and keep those the tests catch, as SWE-bench instances whose gold patch " +
            "reverts the bug. Procedural mutators (py.*) rewrite one function's syntax tree; each candidate runs first with the tests that " +
            "execute its function (from a coverage run), then (--exact-p2p, or when the coverage is incomplete) with the whole suite: FAIL_TO_PASS = tests failing with the bug, " +
            "PASS_TO_PASS = tests passing both ways (flaky tests excluded). The agent's workspace is the buggy code as one commit. " +
            "Writes tasks-synth/instances.jsonl and rejected.jsonl to the run folder; an interrupted run resumes.\n\n" +
            "Examples:\n  swelego tasks synth ~/src/mylib --offline --max 50 --jobs 2 --run runs/mylib\n" +
            "  swelego tasks synth ~/src/mylib --methods py.flip_comparison py.off_by_one --seed 7");
        command.Arguments.Add(repository);
        foreach (var option in (Option[])[commit, methods, seed, perFunction, noCoverage, exactP2P, auditRate, modelEndpoint, modelName, modelKey]) command.Options.Add(option);
        mining.AddTo(command);
        command.Options.Add(run);
        command.SetAction(async (parse, cancellationToken) =>
        {
            double rate = parse.GetValue(auditRate);
            var options = mining.Apply(parse, new SyntheticTaskOptions
            {
                ExactPassToPass = parse.GetValue(exactP2P),
                AuditRate = rate,
                Repository = parse.GetValue(repository)!,
                Commit = parse.GetValue(commit),
                Methods = parse.GetValue(methods) ?? [],
                Seed = parse.GetValue(seed),
                MaxPerFunction = parse.GetValue(perFunction),
                CoverageGuided = !parse.GetValue(noCoverage),
                Model = parse.GetValue(modelEndpoint) is { } endpoint
                    ? new ModelClientOptions
                    {
                        Endpoint = endpoint,
                        Model = parse.GetValue(modelName) ?? throw new UsageException("--model-endpoint needs --model NAME."),
                        ApiKey = parse.GetValue(modelKey) ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "EMPTY",
                    }
                    : null,
            });
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            var summary = await StageProgressDisplay.RunAsync(progress => SyntheticTaskMiner.RunAsync(folder, options, progress, cancellationToken));
            PrintSynth(summary, folder);
            return 0;
        });
        return command;
    }

    internal static void PrintSynth(SyntheticTaskSummary summary, RunFolder folder)
    {
        var table = new Table().AddColumn("method").AddColumn(new TableColumn("instances").RightAligned());
        foreach (var (method, count) in summary.KeptByMethod.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            table.AddRow(method, count.ToString(CultureInfo.InvariantCulture));
        foreach (var (kind, count) in summary.Rejected.OrderByDescending(kv => kv.Value))
            table.AddRow($"[grey]rejected: {Name(kind)}[/]", count.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"{summary.Repo} at {summary.Commit[..12]}: {summary.Kept} instances from {summary.KeptByMethod.Count} methods; {summary.Candidates} candidates on {summary.TargetFunctions} covered functions ({summary.Skipped} done in earlier runs), {summary.Elapsed.TotalSeconds:F1} s");
        if (summary.BaselineReused) AnsiConsole.MarkupLine("Baseline and coverage: reused from an earlier session (same commit and environment).");
        AnsiConsole.MarkupLineInterpolated(
            $"Validation: {summary.KeptByMode.GetValueOrDefault(SyntheticValidation.CoveringOnly)} instances from their covering tests only (fast mode {(summary.FastMode ? "on" : "off")}), {summary.KeptByMode.GetValueOrDefault(SyntheticValidation.CoveringFirst) + summary.KeptByMode.GetValueOrDefault(SyntheticValidation.WholeSuite)} with the whole suite; audit: {summary.AuditDiffered} of {summary.Audited} differed ({summary.AuditDifferenceRate:P1})");
        AnsiConsole.MarkupLineInterpolated($"Instances: [link]{folder.RelativePath(summary.InstancesPath)}[/] in {folder.DirectoryPath}");
        AnsiConsole.MarkupLineInterpolated($"Rejected:  [link]{folder.RelativePath(summary.RejectedPath)}[/]");
    }
}
