using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SweLego.Evaluation;
using SweLego.Runs;
using SweLego.Sandboxes.Docker;
using SweLego.Tasks;
using SweLego.Tasks.Git;
using SweLego.Tasks.Harness;
using SweLego.Tasks.Real;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego tasks …</c>: task instances validated by running tests.</summary>
internal static partial class TaskCommands
{
    private const int BadRecordsShown = 10;

    public static Command Create()
    {
        var tasks = new Command("tasks", "Task instances (SWE-bench format) validated by running tests.\n\nExample:\n  swelego tasks real ~/src/mylib --offline --run runs/mylib");
        tasks.Subcommands.Add(CreateReal());
        tasks.Subcommands.Add(CreateSynth());
        tasks.Subcommands.Add(CreateValidate());
        tasks.Subcommands.Add(CreateWorkspace());
        return tasks;
    }

    private static Option<string> RunFolderOption() => new("--run")
    {
        Description = "The run folder holding tasks-real/instances.jsonl and/or tasks-synth/instances.jsonl.",
        HelpName = "DIR",
        Required = true,
    };

    /// <summary>The instances of both task stages (real, then synthetic) in the run folder, optionally only those named; warnings on stderr.</summary>
    private static List<TaskInstance> ReadInstances(string runDirectory, IReadOnlyCollection<string>? wanted = null)
    {
        if (!Directory.Exists(runDirectory)) throw new UsageException($"'{runDirectory}' is not a folder.");
        try
        {
            return TaskValidation.ReadInstances(RunFolder.Open(runDirectory), wanted, Console.Error.WriteLine);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new UsageException(e is ArgumentException a ? a.Message.Split(" (Parameter")[0] : e.Message);
        }
    }

    private static Command CreateValidate()
    {
        var run = RunFolderOption();
        var instanceIds = new Option<string[]>("--instance") { Description = "Only these instances (repeat the option).", HelpName = "ID", AllowMultipleArgumentsPerToken = true };
        var jobs = CommonOptions.Jobs("Predictions (gold or empty) evaluated at once.", 1);
        var harness = EvalCommands.HarnessOption();
        var dockerHost = CommonOptions.DockerHost();
        var command = new Command("validate",
            "Re-validate the run's instances with the evaluation 'swelego eval' does, twice each, in the environment each names: " +
            "the gold patch must resolve it (every FAIL_TO_PASS and PASS_TO_PASS test passes), and with the empty patch every " +
            "FAIL_TO_PASS test must fail. Writes stage validation/ (results.jsonl, the harness's files per prediction, " +
            "validation.jsonl with one verdict per instance) to the run. Exits 1 when one does not hold.\n\n" +
            "Example:\n  swelego tasks validate --run runs/mylib");
        foreach (var option in (Option[])[run, instanceIds, jobs, harness, dockerHost]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string directory = parse.GetValue(run)!;
            ReadInstances(directory, parse.GetValue(instanceIds));
            var folder = RunFolder.Open(directory);
            var options = new TaskValidationOptions
            {
                InstanceIds = parse.GetValue(instanceIds), Jobs = parse.GetValue(jobs), Harness = EvalCommands.Harness(parse, harness),
                Docker = new DockerBackendOptions { Endpoint = parse.GetValue(dockerHost) },
            };
            var summary = await StageProgressDisplay.RunAsync(progress => TaskValidation.RunAsync(folder, options, progress, cancellationToken));

            var console = CliConsole.ForOutput();
            var table = new Table().AddColumns("instance", "gold patch", "without it", "");
            foreach (var verdict in summary.Verdicts)
            {
                table.AddRow(
                    Markup.Escape(verdict.InstanceId),
                    verdict.GoldFailToPass is { } f2p && verdict.GoldPassToPass is { } p2p ? $"{f2p.Success + p2p.Success}/{f2p.Success + f2p.Failure + p2p.Success + p2p.Failure} pass" : "",
                    verdict.EmptyFailToPass is { } without ? $"{without.Failure}/{without.Success + without.Failure} F2P fail" : "",
                    verdict.Holds ? "[green]holds[/]" : $"[red]{Markup.Escape(verdict.Problem ?? "does not hold")}[/]");
            }

            console.Write(table);
            console.MarkupLineInterpolated(
                $"{summary.Verdicts.Count(v => v.Holds)} of {summary.Verdicts.Count} instance(s) hold (harness {summary.Evaluation.Harness.ToText()}). Verdicts: {folder.RelativePath(summary.VerdictsPath)} in {folder.DirectoryPath}");
            return summary.AllHold ? 0 : CliApp.Failure;
        });
        return command;
    }

    private static Command CreateWorkspace()
    {
        var run = RunFolderOption();
        var instanceId = new Argument<string>("instance") { Description = "The instance id." };
        var destination = new Argument<string>("destination") { Description = "A new folder for the workspace." };
        var command = new Command("workspace",
            "Create the repository an agent sees for an instance: a clone at its base commit with nothing from after it " +
            "(no fix, later commit, tag, reflog entry or stored object), verified by the same audit as 'env audit'.\n\n" +
            "Example:\n  swelego tasks workspace --run runs/mylib local__mylib-1f2e3d4c5b6a /tmp/task");
        command.Arguments.Add(instanceId);
        command.Arguments.Add(destination);
        command.Options.Add(run);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string id = parse.GetValue(instanceId)!;
            var instance = ReadInstances(parse.GetValue(run)!).LastOrDefault(i => i.InstanceId == id)
                ?? throw new UsageException($"No instance '{id}' in the run.");
            string path = Path.GetFullPath(parse.GetValue(destination)!);
            if (instance.OriginalCommit is not null)
            {
                string commit = await TaskWorkspaces.CreateSyntheticAsync(instance, parse.GetValue(run)!, path, cancellationToken);
                var audit = await HistoryAudit.AuditAsync(path, null, cancellationToken);
                Console.Out.WriteLine($"{path}: the buggy code as one commit {commit} ({instance.Bug?.Method}); {audit.Describe()}");
                return audit.IsClean ? 0 : CliApp.Failure;
            }

            var result = await TaskWorkspaces.CreateRealAsync(instance, parse.GetValue(run)!, path, cancellationToken);
            Console.Out.WriteLine($"{path}: branch {result.Branch} at {result.BaseCommit}; " +
                $"removed {result.RemovedRemotes.Count} remote(s), {result.DeletedRefs.Count} ref(s); {result.Audit.Describe()}");
            return 0;
        });
        return command;
    }

    private static Command CreateReal()
    {
        var repository = new Argument<string>("repository") { Description = "The git repository (only read; a mirror is kept in the run folder)." };
        var since = new Option<string?>("--since") { Description = "Only fixes committed on or after this date (ISO 8601, e.g. 2024-01-31).", HelpName = "DATE" };
        var prs = new Option<string?>("--prs")
        {
            Description = "JSONL of merged PRs: {\"number\", \"merge_commit\", \"title\", \"body\" | \"problem_statement\", \"base_commit\"?, \"hints_text\"?, \"created_at\"?}. " +
                          "Their text becomes the problem statement (a bare commit's message is marked weak).",
            HelpName = "FILE",
        };
        var fullSuite = new Option<bool>("--full-suite") { Description = "Run the whole test suite, not only the test files the test patch touches." };
        var mining = new MiningOptionSet(
            "Test runs before and after the fix; tests that change between runs are flaky and left out.", "Seconds one test command may take.");
        var run = CommonOptions.Run();

        var command = new Command("real",
            "Turn bug-fix commits (and merged PRs) into validated SWE-bench instances, newest first. Each candidate changes test " +
            "and non-test Python files; its diff is split into patch and test_patch, the touched test files run at base + test_patch " +
            "and at base + patch + test_patch, and it is kept when a test goes from failing to passing (FAIL_TO_PASS; PASS_TO_PASS " +
            "= passing both times; flaky tests excluded). One environment per dependency spec is built and reused. Writes " +
            "tasks-real/instances.jsonl and rejected.jsonl (with reasons) to the run folder; an interrupted run resumes.\n\n" +
            "Examples:\n  swelego tasks real ~/src/mylib --offline --max 20 --jobs 2 --run runs/mylib\n" +
            "  swelego tasks real ~/src/mylib --prs prs.jsonl --since 2024-01-01 --backend docker");
        command.Arguments.Add(repository);
        foreach (var option in (Option[])[since, prs, fullSuite]) command.Options.Add(option);
        mining.AddTo(command);
        command.Options.Add(run);
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateTimeOffset? sinceDate = null;
            if (parse.GetValue(since) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    throw new UsageException($"--since '{text}' is not a date (use ISO 8601, e.g. 2024-01-31).");
                sinceDate = parsed;
            }

            var options = mining.Apply(parse, new RealTaskOptions
            {
                Repository = parse.GetValue(repository)!,
                Since = sinceDate,
                PrsFile = parse.GetValue(prs),
                FullSuite = parse.GetValue(fullSuite),
            });
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            RealTaskSummary summary;
            try
            {
                summary = await StageProgressDisplay.RunAsync(progress => RealTaskMiner.RunAsync(folder, options, progress, cancellationToken));
            }
            catch (GitException e)
            {
                throw new InvalidOperationException($"{options.Repository}: {e.Message}", e);
            }

            Print(summary, folder);
            return 0;
        });
        return command;
    }

    private static void Print(RealTaskSummary summary, RunFolder folder)
    {
        var table = new Table().AddColumn("result").AddColumn(new TableColumn("candidates").RightAligned());
        table.AddRow("[green]kept[/]", summary.Kept.ToString(CultureInfo.InvariantCulture));
        foreach (var (kind, count) in summary.Rejected.OrderByDescending(kv => kv.Value))
            table.AddRow($"rejected: {Name(kind)}", count.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"{summary.Repo}: {summary.Candidates} candidates ({summary.Skipped} done in earlier runs), {summary.Elapsed.TotalSeconds:F1} s (environments {summary.EnvironmentBuildTime.TotalSeconds:F1} s, test commands {summary.TestTime.TotalSeconds:F1} s)");
        if (summary.NoCandidatesReason is { } why) AnsiConsole.MarkupLineInterpolated($"[yellow]0 candidates:[/] {why}");
        foreach (string bad in summary.BadPrRecords.Take(BadRecordsShown)) AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {bad} (rejected alone: bad_pr_record)");
        if (summary.BadPrRecords.Count > BadRecordsShown)
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] ... and {summary.BadPrRecords.Count - BadRecordsShown} more unusable --prs record(s), listed in {folder.RelativePath(summary.RejectedPath)}");
        AnsiConsole.MarkupLineInterpolated($"Instances: [link]{folder.RelativePath(summary.InstancesPath)}[/] in {folder.DirectoryPath}");
        AnsiConsole.MarkupLineInterpolated($"Rejected:  [link]{folder.RelativePath(summary.RejectedPath)}[/] (reasons and evidence; test logs in tasks-real/logs/)");
    }

    /// <summary>A rejection kind as the JSONL files spell it (snake_case).</summary>
    private static string Name<TKind>(TKind kind) where TKind : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
