using System.CommandLine;
using System.CommandLine.Help;
using System.Reflection;
using System.Runtime.InteropServices;
using Spectre.Console;
using SweLego.Cli.Commands;
using SweLego.Sandboxes;

namespace SweLego.Cli;

/// <summary>
/// Builds the command tree and runs it with the CLI's conventions: usage errors exit 2,
/// failures print one actionable line and exit 1 (<c>--verbose</c> adds the stack),
/// Ctrl-C (or SIGTERM) cancels the running verb and exits 130.
/// </summary>
public static class CliApp
{
    public const int UsageError = 2;
    public const int Failure = 1;
    public const int Interrupted = 130;

    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static Command BuildRoot()
    {
        // A named root (RootCommand would call itself after the assembly, SweLego.Cli).
        var root = new Command("swelego",
            "SweLego: build environments, tasks, agent rollouts, evaluations and SFT data for software-engineering agents (the SWE-Lego recipe).\n\n" +
            "Example:\n  swelego sandbox run -- python3 -c 'print(42)'");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Options.Add(CommonOptions.Verbose);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(EnvCommands.Create());
        root.Subcommands.Add(SandboxCommands.Create());
        root.Subcommands.Add(PythonCommands.Create());
        root.Subcommands.Add(TaskCommands.Create());
        root.Subcommands.Add(EvalCommands.Create());
        root.Subcommands.Add(RolloutCommands.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(CurateCommands.Create());
        root.Subcommands.Add(TokenizeCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(BenchCommands.Create());
        root.Subcommands.Add(RunCommands.Create());
        return root;
    }

    // Every start removes what sandboxes of killed swelego processes left (containers, cgroups,
    // scratch folders); a problem here must never stop the command the user asked for.
    private static async Task ReapLeftoversAsync(bool verbose)
    {
        try
        {
            int removed = await SandboxLeftovers.ReapAsync(dockerEndpoint: null);
            if (verbose && removed > 0) Console.Error.WriteLine($"Removed {removed} sandbox leftover(s) of swelego processes that are gone.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (verbose) Console.Error.WriteLine($"warning: reaping sandbox leftovers failed: {OneLine(e)}");
        }
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("Run with --help for usage.");
            return UsageError;
        }

        bool verbose = parse.GetValue(CommonOptions.Verbose);
        await ReapLeftoversAsync(verbose);
        using var cancel = new CancellationTokenSource();
        // First Ctrl-C or SIGTERM: cancel cleanly (sessions are disposed, the stage is recorded interrupted and
        // stays resumable); a second one: exit now.
        void Stop(PosixSignalContext context)
        {
            if (cancel.IsCancellationRequested) return;
            context.Cancel = true;
            Console.Error.WriteLine($"Interrupted ({context.Signal}); stopping (Ctrl-C again to exit at once).");
            cancel.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return Interrupted;
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return UsageError;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"error: {OneLine(e)}");
            if (verbose) AnsiConsole.WriteException(e, ExceptionFormats.ShortenPaths);
            else Console.Error.WriteLine("(run with --verbose for details)");
            return Failure;
        }
    }

    private static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ").Trim();
}
