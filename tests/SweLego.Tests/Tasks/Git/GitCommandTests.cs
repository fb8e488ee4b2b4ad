using SweLego.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Git;

public sealed class GitCommandTests
{
    [Fact]
    public async Task RunAsync_FailingCommand_ThrowsOneLineWithCommandExitCodeAndStderr()
    {
        using var temp = new TempDirectory();
        await GitTestRepository.InitAsync(temp.Path);
        var git = new GitCommand(temp.Path);

        var error = await Assert.ThrowsAsync<GitException>(() => git.RunAsync(["rev-parse", "--verify", "nope"], CancellationToken.None));

        Assert.Equal(128, error.ExitCode);
        Assert.Equal("git rev-parse --verify nope", error.Command);
        Assert.Equal($"git rev-parse --verify nope failed with exit code 128 in {temp.Path}: fatal: Needed a single revision", error.Message);
    }

    [Fact]
    public async Task RunAsync_ConfigSources_OnlyCommandLineAndRepository()
    {
        using var temp = new TempDirectory();
        await GitTestRepository.InitAsync(temp.Path);
        var git = new GitCommand(temp.Path);

        var origins = (await git.RunAsync(["config", "--list", "--show-origin"], CancellationToken.None))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t')[0])
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(["command line:", "file:.git/config"], origins);
    }

    [Fact]
    public async Task RunAsync_StandardInput_IsPassedToGit()
    {
        using var temp = new TempDirectory();
        await GitTestRepository.InitAsync(temp.Path);
        var git = new GitCommand(temp.Path);

        var id = await git.RunAsync(["hash-object", "--stdin"], "hello\n", CancellationToken.None);

        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a\n", id);
    }

    [Fact]
    public async Task TryRunAsync_Cancelled_KillsGitAndItsChildren()
    {
        using var temp = new TempDirectory();
        var git = new GitCommand(temp.Path);
        var marker = "31.4159" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => git.TryRunAsync(["-c", $"alias.wait=!sleep {marker}", "wait"], null, cancellation.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (SleepRunning(marker) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(SleepRunning(marker), "the child of git survived cancellation");
    }

    private static bool SleepRunning(string marker) =>
        Directory.EnumerateDirectories("/proc").Any(dir =>
        {
            try { return File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(marker, StringComparison.Ordinal); }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        });
}
