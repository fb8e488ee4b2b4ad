using System.Diagnostics;
using SweLego.Cli;

namespace SweLego.Tests.TestSupport;

/// <summary>Runs the swelego CLI for a test: in this process with the console captured, or as a real child process.</summary>
internal static class CliRunner
{
    /// <summary>In-process; callers belong to the "console" collection, since the console is process-wide.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            int exit = await CliApp.RunAsync(args);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    /// <summary>The built CLI in a child process (its own console, redirected): for progress displays and exit codes as users see them.</summary>
    public static ProcessStartInfo ProcessStartInfo(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SweLego.Cli.dll"));
        foreach (string arg in args) info.ArgumentList.Add(arg);
        return info;
    }

    /// <summary>Runs <see cref="ProcessStartInfo"/> to the end (at most 3 minutes) with a wide console.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunProcessAsync(params string[] args)
    {
        var info = ProcessStartInfo(args);
        info.Environment["COLUMNS"] = "160";
        using var cli = Process.Start(info)!;
        var stdout = cli.StandardOutput.ReadToEndAsync();
        var stderr = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (cli.ExitCode, await stdout, await stderr);
    }
}
