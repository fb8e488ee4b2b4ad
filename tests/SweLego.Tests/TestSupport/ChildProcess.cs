using System.Diagnostics;

namespace SweLego.Tests.TestSupport;

/// <summary>Runs a child process to its end: stdout then stderr as one text, killed (whole tree) after a minute.</summary>
internal static class ChildProcess
{
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
}
