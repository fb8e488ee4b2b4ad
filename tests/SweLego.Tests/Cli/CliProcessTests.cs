using System.Diagnostics;
using SweLego.Runs;
using SweLego.Tests.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Cli;

/// <summary>The CLI as a real process: Ctrl-C (SIGINT) or SIGTERM stops the running command, cleans up, records the stage interrupted and exits 130.</summary>
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

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task TasksReal_SignalWhileATestRuns_StageInterruptedWithTimeAndCandidateLeftForResume(string signal)
    {
        using var temp = new TempDirectory("swelego-cli-interrupt-");
        var repo = await GitTestRepository.InitAsync(temp.Combine("repo"));
        repo.Write("test_calc.py", "from calc import add\n\n\ndef test_zero():\n    assert add(0, 0) == 0\n");
        await repo.CommitAsync("calc.py", "def add(a, b):\n    return a - b\n", "Start", GitTestRepository.Day(1));
        // The new test says it started (in the checkout, which is under the run folder) and then never ends by itself.
        repo.Write("test_calc.py", "import time\nfrom calc import add\n\n\ndef test_add():\n    open('swelego-test-started', 'w').close()\n    time.sleep(3600)\n");
        await repo.CommitAsync("calc.py", "def add(a, b):\n    return a + b\n", "Fix add", GitTestRepository.Day(2));
        string run = temp.Combine("run");

        using var cli = Process.Start(CliRunner.ProcessStartInfo("tasks", "real", repo.Path, "--offline", "--runs", "1", "--run", run))!;
        var stdout = cli.StandardOutput.ReadToEndAsync();
        var stderr = cli.StandardError.ReadToEndAsync();
        await WaitUntilAsync(() => Directory.Exists(run) && Directory.EnumerateFiles(run, "swelego-test-started", SearchOption.AllDirectories).Any(), TimeSpan.FromSeconds(120));
        var before = DateTimeOffset.UtcNow;
        using (var kill = Process.Start("kill", [$"-{signal}", cli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            await kill.WaitForExitAsync();
        await cli.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(cli.ExitCode == 130, $"exit {cli.ExitCode}\n{await stdout}\n{await stderr}");
        Assert.Contains($"Interrupted (SIG{signal})", await stderr, StringComparison.Ordinal);
        var stage = RunFolder.Open(run).ReadManifest().Stage("tasks-real");
        Assert.Equal(StageStatus.Interrupted, stage.Status);
        Assert.InRange(stage.FinishedAt!.Value, before, DateTimeOffset.UtcNow);
        Assert.Contains("run the same command again to resume", stage.Reason, StringComparison.Ordinal);
        // Nothing was recorded for the candidate, so a resumed run validates it.
        Assert.Equal("", File.ReadAllText(Path.Combine(run, "tasks-real", "instances.jsonl")));
        Assert.Equal("", File.ReadAllText(Path.Combine(run, "tasks-real", "rejected.jsonl")));
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
