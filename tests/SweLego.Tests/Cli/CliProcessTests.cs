using System.Diagnostics;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Cli;

/// <summary>The CLI as a real process: Ctrl-C (SIGINT) stops the running command, cleans up and exits 130.</summary>
public sealed class CliProcessTests
{
    [Fact]
    public async Task SandboxRun_SigintWhileCommandRuns_Exits130AndLeavesNoProcess()
    {
        string unique = $"sleep {Random.Shared.Next(100_000, 999_999)}.25";
        using var cli = Process.Start(CliRunner.ProcessStartInfo("sandbox", "run", "--", unique))!;
        var stdout = cli.StandardOutput.ReadToEndAsync();
        var stderr = cli.StandardError.ReadToEndAsync();

        await WaitUntilAsync(() => ProcessesRunning(unique) > 0, TimeSpan.FromSeconds(60));
        using (var kill = Process.Start("kill", ["-INT", cli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            await kill.WaitForExitAsync();
        await cli.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(130, cli.ExitCode);
        Assert.Contains("Interrupted", await stderr, StringComparison.Ordinal);
        Assert.Equal("", await stdout);
        Assert.Equal(0, ProcessesRunning(unique));
    }

    // Exactly the sandboxed command (the CLI's own command line contains it too).
    private static int ProcessesRunning(string commandLine) =>
        Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Count(d =>
            {
                try { return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' ').Trim() == commandLine; }
                catch (IOException) { return false; }
                catch (UnauthorizedAccessException) { return false; }
            });

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Condition not met within {limit}.");
            await Task.Delay(20);
        }
    }
}
