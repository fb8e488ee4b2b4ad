using System.Diagnostics;

namespace SweLego.Tests.TestSupport;

/// <summary>Child processes for tests: run one to its end, or start the crash-writer helper to kill it.</summary>
internal static class ChildProcess
{
    /// <summary>Runs a child process to its end: stdout then stderr as one text, killed (whole tree) after a minute.</summary>
    public static async Task<(string Output, int ExitCode)> RunAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (await stdout + await stderr, process.ExitCode);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>
    /// Starts SweLego.Tests.CrashWriter (built next to the tests) with <paramref name="arguments"/>
    /// on the dotnet host running the tests; stdout and stderr are redirected.
    /// </summary>
    public static Process StartCrashWriter(params string[] arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "SweLego.Tests.CrashWriter.dll");
        Assert.True(File.Exists(dll), $"crash writer not built next to the tests: {dll}");
        var info = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the crash writer");
    }

    /// <summary>The dotnet host running this test, so the child uses the same runtime.</summary>
    private static string DotnetHost()
    {
        string? fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli)) return fromCli;
        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
