using System.CommandLine;
using Spectre.Console;
using SweLego.Benchmarking;
using SweLego.Python.Benchmarks;
using SweLego.Python.Checking;
using SweLego.Runs;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Samples;
using SweLego.Tasks.Real;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego bench …</c>: benchmarks that report ratios against a baseline measured in the same run.</summary>
internal static partial class BenchCommands
{
    private const string Stage = "bench";

    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks; each prints ratios against a baseline measured in the same run.\n\nExample:\n  swelego bench sandbox --iterations 2000");
        bench.Subcommands.Add(CreateSandbox());
        bench.Subcommands.Add(CreateParser());
        bench.Subcommands.Add(CreateTasks());
        bench.Subcommands.Add(CreateSynth());
        bench.Subcommands.Add(CreateEval());
        bench.Subcommands.Add(CreateAgent());
        bench.Subcommands.Add(CreateTokenize());
        bench.Subcommands.Add(CreateCurate());
        return bench;
    }

    private static Command CreateSandbox()
    {
        var backends = new Option<string[]>("--backend", "-b")
        {
            Description = "Backends to measure (repeat the option).",
            DefaultValueFactory = _ => [.. SandboxBackends.Names],
            AllowMultipleArgumentsPerToken = true,
        }.AcceptOnlyFromAmong([.. SandboxBackends.Names]);
        var iterations = NumericOptions.Whole("--iterations", "N", "Measured round trips per contender.", 10, 10_000_000, 2000, "-n");
        var warmup = NumericOptions.Whole("--warmup", "N", "Unmeasured round trips first.", 0, 1_000_000, 200);
        var dockerHost = CommonOptions.DockerHost();
        var run = CommonOptions.Run();

        var command = new Command("sandbox",
            "Round trip of a trivial command ('true') on a warm session per backend, next to a plain persistent bash " +
            "driven through pipes (the baseline). Samples alternate between contenders; prints median/p90 and the ratio " +
            "of medians, and writes bench/sandbox.json to the run folder.\n\n" +
            "Example:\n  swelego bench sandbox --iterations 2000 --run runs/bench");
        foreach (var option in (Option[])[backends, iterations, warmup, dockerHost, run]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            int n = parse.GetValue(iterations);
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            folder.StartStage(Stage);
            var options = new SandboxBenchmarkOptions { Iterations = n, Warmup = parse.GetValue(warmup), DockerEndpoint = parse.GetValue(dockerHost) };
            SandboxBenchmarkReport? report = null;
            await folder.GuardStageAsync(Stage, async () =>
            {
                await AnsiConsole.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask("sandbox round trips", maxValue: 1);
                    report = await SandboxBenchmark.RunAsync(parse.GetValue(backends)!, options, new Progress<double>(v => task.Value = v), cancellationToken);
                });
                return report;
            });

            string output = folder.StagePath(Stage, "sandbox.json");
            AtomicFile.WriteJson(output, report!, RunJson.IndentedOptions);
            folder.UpdateStage(Stage, s => s.WithOutput(folder.RelativePath(output)));
            folder.CompleteStage(Stage);
            Print(report!);
            AnsiConsole.MarkupLineInterpolated($"Results: [link]{output}[/]");
            return 0;
        });
        return command;
    }

    private static Command CreateParser()
    {
        var path = new Argument<string?>("path")
        {
            Description = "Folder of .py files (default: the standard library of the python3 on PATH).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var python = new Option<string>("--python") { Description = "Interpreter whose ast.parse is the baseline.", DefaultValueFactory = _ => "python3", HelpName = "EXE" };
        var iterations = NumericOptions.Whole("--iterations", "N", "Passes over the corpus per measurement.", 1, 1000, 3, "-n");
        var run = CommonOptions.Run();
        var command = new Command("parser",
            "Parser throughput on a corpus held in memory: SweLego.Python single- and multi-threaded against CPython's " +
            "ast.parse on the same files in the same run. Writes bench/parser.json to the run folder.\n\n" +
            "Example:\n  swelego bench parser --iterations 3");
        command.Arguments.Add(path);
        foreach (var option in (Option[])[python, iterations, run]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            int n = parse.GetValue(iterations);
            string interpreter = parse.GetValue(python)!;
            string root = parse.GetValue(path) ?? await StandardLibraryAsync(interpreter, cancellationToken);
            if (!Directory.Exists(root)) throw new UsageException($"'{root}' is not a folder.");
            var files = PythonFiles.Enumerate(root, new PythonCheckOptions().ExcludedDirectories);
            if (files.Count == 0) throw new UsageException($"No .py files under '{root}'.");

            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            folder.StartStage(Stage);
            ParserBenchmarkResult? ours = null;
            CPythonBaselineResult? cpython = null;
            await folder.GuardStageAsync(Stage, () => AnsiConsole.Status().StartAsync($"Parsing {files.Count} files", async context =>
            {
                ours = ParserBenchmark.Run(files, new ParserBenchmarkOptions { Iterations = n }, cancellationToken);
                context.Status($"CPython ast.parse on {files.Count} files");
                cpython = await CPythonBaseline.RunAsync(files, interpreter, n, cancellationToken);
                return cpython;
            }));
            if (!cpython!.Success)
            {
                folder.FailStage(Stage, cpython.Error ?? "the CPython baseline failed");
                throw new InvalidOperationException($"The CPython baseline failed: {cpython.Error}");
            }

            var report = new ParserBenchmarkReport(root, ours!.Files, ours.Bytes, ours.Threads, ours.SingleThreaded.MegabytesPerSecond,
                ours.MultiThreaded.MegabytesPerSecond, cpython.MegabytesPerSecond, cpython.PythonVersion, ours.RatioTo(cpython));
            string output = folder.StagePath(Stage, "parser.json");
            AtomicFile.WriteJson(output, report, RunJson.IndentedOptions);
            folder.UpdateStage(Stage, s => s.WithOutput(folder.RelativePath(output)));
            folder.CompleteStage(Stage);

            var table = new Table().AddColumns("parser", "MB/s", "ratio to CPython");
            table.AddRow("CPython ast.parse (baseline)", $"{report.CPythonMegabytesPerSecond:F1}", "1.00×");
            table.AddRow("SweLego.Python, 1 thread", $"{report.SingleThreadedMegabytesPerSecond:F1}", $"{report.SingleThreadedRatio:F2}×");
            table.AddRow($"SweLego.Python, {report.Threads} threads", $"{report.MultiThreadedMegabytesPerSecond:F1}",
                $"{report.MultiThreadedMegabytesPerSecond / report.CPythonMegabytesPerSecond:F2}×");
            AnsiConsole.MarkupLineInterpolated($"{report.Files} files, {report.Bytes / 1e6:F1} MB from {root} (CPython {cpython.PythonVersion}):");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"Results: {output}");
            return 0;
        });
        return command;
    }

    private static Command CreateTasks()
    {
        var repository = new Argument<string?>("repository")
        {
            Description = "Repository to mine (default: the sample library's history, created in a temp folder).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var runs = CommonOptions.Runs("Test runs before and after each fix (as tasks real --runs).", 3);
        var python = new Option<string>("--python") { Description = "Interpreter of the raw runs (needs pytest).", DefaultValueFactory = _ => "/usr/bin/python3", HelpName = "EXE" };
        var backend = CommonOptions.Backend();
        var dockerHost = CommonOptions.DockerHost();
        var run = CommonOptions.Run();
        var command = new Command("tasks",
            "Time that tasks real spends beyond running the tests: mines the repository with one job (environments built offline), " +
            "then runs every test command it ran again directly with python -m pytest on a plain checkout, the same number of times, " +
            "and prints the overhead with and without the one-time environment build (target ≤ 10% without). Writes bench/tasks.json.\n\n" +
            "Example:\n  swelego bench tasks --runs 3");
        command.Arguments.Add(repository);
        foreach (var option in (Option[])[runs, python, backend, dockerHost, run]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            folder.StartStage(Stage);
            string work = Directory.CreateTempSubdirectory("swelego-bench-tasks-").FullName;
            TaskMiningBenchmarkReport? report = null;
            await folder.GuardStageAsync(Stage, async () =>
            {
                try
                {
                    await AnsiConsole.Status().StartAsync("Preparing", async context =>
                    {
                        string repo = parse.GetValue(repository) ?? await SampleRepository.CreateHistoryAsync(Path.Combine(work, "tally"), cancellationToken);
                        var options = new RealTaskOptions
                        {
                            Repository = repo, Runs = parse.GetValue(runs), Offline = true, Backend = parse.GetValue(backend)!,
                            Docker = new DockerBackendOptions { Endpoint = parse.GetValue(dockerHost) },
                        };
                        report = await TaskMiningBenchmark.RunAsync(options, work, parse.GetValue(python)!, new Progress<string>(s => context.Status(Markup.Escape(s))), cancellationToken);
                    });
                }
                finally
                {
                    Directory.Delete(work, recursive: true);
                }

                return report;
            });

            string output = folder.StagePath(Stage, "tasks.json");
            AtomicFile.WriteJson(output, report!, RunJson.IndentedOptions);
            folder.UpdateStage(Stage, s => s.WithOutput(folder.RelativePath(output)));
            folder.CompleteStage(Stage);
            var r = report!;
            var table = new Table().AddColumns("measure", "seconds", "ratio to raw test runs");
            table.AddRow("raw test runs (baseline: python -m pytest on a plain checkout)", $"{r.RawTestSeconds:F2}", "1.00×");
            table.AddRow($"tasks real, test commands in the {r.Backend} sandbox", $"{r.SandboxTestSeconds:F2}", $"{r.SandboxTestSeconds / r.RawTestSeconds:F2}×");
            double bookkeeping = r.MinerSeconds - r.EnvironmentSeconds - r.SandboxTestSeconds;
            table.AddRow("tasks real, environment build (once)", $"{r.EnvironmentSeconds:F2}", "");
            table.AddRow("tasks real, everything else (git, sandbox start, logs, records)", $"{bookkeeping:F2}", $"{bookkeeping / r.RawTestSeconds:F2}×");
            table.AddRow("tasks real, wall time", $"{r.MinerSeconds:F2}", $"{r.MinerSeconds / r.RawTestSeconds:F2}×");
            AnsiConsole.MarkupLineInterpolated($"{r.Candidates} candidates ({r.TestedCandidates} tested, {r.Kept} kept), {r.Runs} runs before and after each fix:");
            AnsiConsole.Write(table);
            string verdict = r.MeetsTarget ? "[green]ok[/]" : "[red]over[/]";
            AnsiConsole.MarkupLine(Markup.Escape($"Overhead beyond the raw test runs: {r.Overhead:P1} without the environment build (") + verdict +
                Markup.Escape($", target ≤ {r.Target:P0}), {r.OverheadWithEnvironment:P1} with it."));
            AnsiConsole.MarkupLineInterpolated($"Results: {output}");
            return 0;
        });
        return command;
    }

    private static async Task<string> StandardLibraryAsync(string python, CancellationToken cancellationToken)
    {
        var info = new System.Diagnostics.ProcessStartInfo(python, ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException($"{python} did not start.");
        string output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? output.Trim() : throw new UsageException($"{python} could not name its standard library; pass a folder.");
    }

    private static void Print(SandboxBenchmarkReport report)
    {
        var table = new Table().AddColumns("contender", "median µs", "p90 µs", "mean µs", "ratio (median)", "target", "", "session start ms");
        foreach (var row in report.Rows)
        {
            table.AddRow(
                row.Name, $"{row.MedianMicroseconds:F1}", $"{row.P90Microseconds:F1}", $"{row.MeanMicroseconds:F1}", $"{row.Ratio:F2}×",
                row.Target is { } t ? $"≤ {t:0.#}×" : "", row.MeetsTarget switch { true => "[green]ok[/]", false => "[red]over[/]", null => "" },
                row.StartMilliseconds is { } ms ? $"{ms:F0}" : "");
        }

        AnsiConsole.MarkupLineInterpolated($"'{report.Command}' round trip, {report.Iterations} samples each, {report.Cores} cores:");
        AnsiConsole.Write(table);
    }
}
