using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using SweLego.Environments.Backends;
using SweLego.Environments.Build;
using SweLego.Environments.Inference;
using SweLego.Runs;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Tasks;
using SweLego.Tasks.Git;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego env …</c>: environments inferred from a repository's configuration.</summary>
internal static partial class EnvCommands
{
    public static Command Create()
    {
        var env = new Command("env", "Environments: infer how to install and test a Python repository, build it, audit a workspace, prune images.\n\nExample:\n  swelego env infer ~/src/mylib");
        env.Subcommands.Add(CreateInfer());
        env.Subcommands.Add(CreateBuild());
        env.Subcommands.Add(CreateAudit());
        env.Subcommands.Add(CreatePrune());
        env.Subcommands.Add(CreateSurvey());
        return env;
    }


    private static Command CreatePrune()
    {
        var budget = CommonOptions.SizeOption("--budget", "Disk budget for environment images, counting each image's own layers (not the shared base image).");
        budget.Required = true;
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be removed; remove nothing." };
        var label = new Option<string>("--label")
        {
            Description = "Which images the budget covers: images with this label, KEY or KEY=VALUE.",
            DefaultValueFactory = _ => EnvironmentImageCache.LabelKey,
            HelpName = "KEY[=VALUE]",
        };
        var dockerHost = CommonOptions.DockerHost();
        var prune = new Command("prune",
            "Remove environment images (label swelego.environment), least recently built or reused first, until their size " +
            "is within the budget. Images a container uses are skipped and reported. Size counts what removing an image " +
            "frees: its size minus the layers other images share.\n\n" +
            "Examples:\n  swelego env prune --budget 20GB\n  swelego env prune --budget 1.5GiB --dry-run");
        foreach (var option in (Option[])[budget, dryRun, label, dockerHost]) prune.Options.Add(option);
        prune.SetAction(async (parse, cancellationToken) =>
        {
            var endpoint = DockerEndpoint.Resolve(parse.GetValue(dockerHost));
            using var client = DockerEndpoint.CreateClient(endpoint);
            var cache = new EnvironmentImageCache(client, parse.GetValue(label)!);
            ImagePruneResult result;
            try
            {
                result = await cache.PruneAsync(parse.GetValue(budget)!.Value, [], parse.GetValue(dryRun), cancellationToken);
            }
            catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
            {
                throw DockerErrors.Translate(e, endpoint, "list or remove environment images");
            }
            WritePrune(result);
            return 0;
        });
        return prune;
    }

    private static void WritePrune(ImagePruneResult result)
    {
        var console = CliConsole.ForOutput();
        if (result.Images.Count == 0)
        {
            console.WriteLine("No environment images.");
            return;
        }

        var table = new Table().AddColumns("image", "spec hash", "last used (UTC)", "own size", "");
        foreach (var entry in result.Images)
        {
            string outcome = entry.Outcome switch
            {
                ImagePruneOutcome.Removed => result.DryRun ? "[yellow]would remove[/]" : "[red]removed[/]",
                ImagePruneOutcome.InUse => "[yellow]in use, kept[/]",
                ImagePruneOutcome.Protected => "kept (protected)",
                _ => "kept",
            };
            table.AddRow(
                Markup.Escape(entry.Image.Name), Markup.Escape(entry.Image.SpecHash),
                entry.Image.LastUsed.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                ByteSize.Format(entry.Image.Bytes), outcome);
        }

        console.Write(table);
        foreach (var entry in result.Images.Where(e => e.Outcome == ImagePruneOutcome.InUse))
            console.MarkupLineInterpolated($"[yellow]in use:[/] {entry.Image.Name}: {entry.Reason}");
        string verb = result.DryRun ? "Would remove" : "Removed";
        console.MarkupLineInterpolated(
            $"{verb} {result.Removed.Count} image(s), {ByteSize.Format(result.BytesFreed)}: {ByteSize.Format(result.BytesBefore)} → {ByteSize.Format(result.BytesAfter)} (budget {ByteSize.Format(result.BudgetBytes)}).");
        if (result.OverBudget)
            console.MarkupLine("[yellow]warning:[/] still over the budget: the rest is protected or in use.");
    }

    private static Command CreateBuild()
    {
        var repository = new Argument<string>("repository") { Description = "Path of the repository; its project is installed in editable mode." };
        var offline = new Option<bool>("--offline")
        {
            Description = "No package index: the venv sees the system's packages, the project is installed with pip --no-index, and missing requirements are listed instead of fetched.",
        };
        var environments = EnvironmentsFolder();
        var backend = CommonOptions.Backend();
        var dockerHost = CommonOptions.DockerHost();
        var imageBudget = CommonOptions.ImageBudget();
        var build = new Command("build",
            "Infer the environment spec and build it: with bwrap a virtualenv in --envs, with docker an image " +
            "swelego/env:<spec hash>-<commit> (repository at /testbed, venv at /opt/swelego-env). Both are reused while the spec is unchanged.\n\n" +
            "Examples:\n  swelego env build ~/src/demo --offline\n  swelego env build ~/src/demo --offline --backend docker --image-budget 20GB");
        build.Arguments.Add(repository);
        foreach (var option in (Option[])[offline, environments, backend, dockerHost, imageBudget]) build.Options.Add(option);
        build.SetAction(async (parse, cancellationToken) =>
        {
            string path = parse.GetValue(repository)!;
            if (!Directory.Exists(path)) throw new UsageException($"'{path}' is not a folder.");
            long? budget = parse.GetValue(imageBudget);
            if (budget is not null && parse.GetValue(backend) != SandboxBackends.Docker)
                throw new UsageException("--image-budget needs --backend docker.");
            var spec = EnvironmentInference.Infer(path);
            await NoteIfNotGitAsync(path, cancellationToken);
            bool isOffline = parse.GetValue(offline);
            var builder = EnvironmentBackends.Create(parse.GetValue(backend)!,
                new DockerBackendOptions { Endpoint = parse.GetValue(dockerHost) }, new DockerEnvironmentOptions { ImageBudgetBytes = budget });
            string commit = await CommitOfAsync(path, cancellationToken);
            var result = await AnsiConsole.Status().StartAsync("Building the environment", _ =>
                builder.BuildAsync(spec, path, commit, parse.GetValue(environments)!, isOffline, cancellationToken));
            foreach (var step in result.Steps) AnsiConsole.MarkupLineInterpolated($"[grey]$ {step.Command}  (exit {step.ExitCode}, {step.Duration.TotalSeconds:F1} s)[/]");
            if (!result.Success)
                throw new InvalidOperationException($"Environment build failed: {result.Problem}.\n{result.FailureReport()}");
            AnsiConsole.MarkupLineInterpolated($"Environment {(result.Reused ? "reused" : "built")}: {result.Image ?? result.HostDirectory}");
            if (result.Install.IsSourceFallback)
                AnsiConsole.MarkupLineInterpolated(
                    $"[yellow]source install:[/] pip could not build the project ({result.Install.Reason}); on sys.path: {string.Join(", ", result.Install.PathEntries.Concat(result.Install.Packages.Select(p => $"{p.Key} from {p.Value}")))}");
            foreach (string unmet in result.UnmetRequirements) AnsiConsole.MarkupLineInterpolated($"[yellow]unmet requirement:[/] {unmet}");
            if (result.ImagePrune is { } pruned) WritePrune(pruned);
            return 0;
        });
        return build;
    }

    private static Option<string> EnvironmentsFolder() => new("--envs")
    {
        Description = "Folder of built environments (bwrap), one per spec hash, reused while the spec is unchanged.",
        DefaultValueFactory = _ => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "swelego", "environments"),
        HelpName = "DIR",
    };

    // Images are named by commit; a folder that is not a git checkout counts as "worktree".
    private static async Task<string> CommitOfAsync(string repository, CancellationToken cancellationToken) =>
        (await RepositoryMirror.HeadOfAsync(repository, cancellationToken)).Head ?? "worktree";

    /// <summary>
    /// Inference and builds read a plain folder's files as they are; task mining needs a git repository
    /// (history, base commits). Say so on stderr (stdout may be JSON) instead of succeeding silently.
    /// </summary>
    private static async Task NoteIfNotGitAsync(string path, CancellationToken cancellationToken)
    {
        if (await RepositoryMirror.HeadOfAsync(path, cancellationToken) is (null, { } problem))
            Console.Error.WriteLine($"note: {problem}: used its files as they are; tasks real and tasks synth need a git repository with a commit " +
                "(git init && git add -A && git commit), and env build --backend docker tags the image 'worktree' instead of a commit.");
    }

    private static Command CreateAudit()
    {
        var workspace = new Argument<string>("workspace") { Description = "The git repository an agent will see." };
        var baseCommit = new Option<string?>("--base")
        {
            Description = "The task's base commit (real tasks): nothing newer may be reachable or stored. Without it (synthetic tasks) only one root commit may exist.",
            HelpName = "COMMIT",
        };
        var audit = new Command("audit",
            "Check that a workspace cannot be git-hacked: no remote, other branch, later tag, reflog entry, stash, or stored " +
            "object from after the base commit. Names every leak; exits 1 when there is one.\n\n" +
            "Examples:\n  swelego env audit /work/task --base 1f2e3d4\n  swelego env audit /work/synthetic-task");
        audit.Arguments.Add(workspace);
        audit.Options.Add(baseCommit);
        audit.SetAction(async (parse, cancellationToken) =>
        {
            string path = parse.GetValue(workspace)!;
            if (!Directory.Exists(path)) throw new UsageException($"'{path}' is not a folder.");
            var report = await HistoryAudit.AuditAsync(path, parse.GetValue(baseCommit), cancellationToken);
            Console.Out.WriteLine(report.Describe());
            return report.IsClean ? 0 : CliApp.Failure;
        });
        return audit;
    }

    private static Command CreateInfer()
    {
        var repository = new Argument<string>("repository") { Description = "Path of the repository (its files are read, never run)." };
        var json = new Option<bool>("--json") { Description = "Print the environment spec as JSON." };
        var infer = new Command("infer",
            "Infer the environment spec (Python version, install steps, test command, log parser) from pyproject.toml, " +
            "setup.cfg, setup.py (read statically), requirements files, pytest/tox config, .python-version and CI workflows.\n\n" +
            "Example:\n  swelego env infer ~/src/requests --json");
        infer.Arguments.Add(repository);
        infer.Options.Add(json);
        infer.SetAction(async (parse, cancellationToken) =>
        {
            string path = parse.GetValue(repository)!;
            if (!Directory.Exists(path)) throw new UsageException($"'{path}' is not a folder.");
            var spec = EnvironmentInference.Infer(path);
            await NoteIfNotGitAsync(path, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(spec, RunJson.IndentedOptions));
                return 0;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("python", Markup.Escape(spec.PythonVersion ?? "(base image default)") + (spec.RequiresPython is { } r ? Markup.Escape($"  (requires {r})") : ""));
            grid.AddRow("framework", spec.TestFramework);
            grid.AddRow("test command", Markup.Escape(spec.TestCommand));
            grid.AddRow("log parser", spec.LogParser);
            grid.AddRow("install", Markup.Escape(spec.InstallSteps.Count == 0 ? "(nothing to install)" : string.Join("\n", spec.InstallSteps)));
            grid.AddRow("requirements", Markup.Escape(string.Join(", ", spec.Requirements)));
            if (spec.SourceInstall is { } source)
                grid.AddRow("source install", Markup.Escape(source.NeedsCompiler is { } why
                    ? $"not possible, needs a compiler: {why}"
                    : $"{source.Distribution} {source.Version} from {string.Join(", ", source.PathEntries.Concat(source.Packages.Select(p => $"{p.Key} → {p.Value}")))} (used when pip cannot build offline)"));
            grid.AddRow("read", Markup.Escape(string.Join(", ", spec.Sources)));
            grid.AddRow("spec hash", spec.ContentHash);
            AnsiConsole.Write(grid);
            foreach (string note in spec.Notes) AnsiConsole.MarkupLineInterpolated($"[yellow]note:[/] {note}");
            return 0;
        });
        return infer;
    }
}
