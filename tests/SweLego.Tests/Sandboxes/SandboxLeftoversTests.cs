using System.Diagnostics;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Sandboxes;

/// <summary>A swelego process killed with SIGKILL mid-session leaves nothing once any swelego starts again.</summary>
[Collection(SandboxConformanceGroup.Name)]
public sealed class SandboxLeftoversTests
{
    [Fact]
    public async Task CliStart_AfterSigkillDuringBwrapSession_NothingOfTheDeadProcessRemains()
    {
        var info = CliRunner.ProcessStartInfo("sandbox", "run", "--", "sleep 1000");
        using var cli = Process.Start(info)!;
        var owner = await WaitForAsync(() => OwnerOf(cli.Id));
        string token = owner.Token;
        Assert.NotEmpty(await WaitForAsync(() => Leftovers(token) is { Count: 2 } found ? found : null));

        cli.Kill(entireProcessTree: false);   // SIGKILL: no clean-up runs
        await cli.WaitForExitAsync();
        Assert.True(owner.IsGone());
        Assert.NotEmpty(Leftovers(token));     // what the kill left

        var (exit, _, stderr) = await CliRunner.RunProcessAsync("--version");
        Assert.True(exit == 0, stderr);
        Assert.Empty(Leftovers(token));
    }

    [Fact]
    public void Reap_LiveOwnersFolder_Kept()
    {
        string mine = Directory.CreateTempSubdirectory($"{BwrapLeftovers.ScratchPrefix}{SandboxOwner.Current.Token}-").FullName;
        string unknown = Directory.CreateTempSubdirectory($"{BwrapLeftovers.ScratchPrefix}not-an-owner-").FullName;
        try
        {
            BwrapLeftovers.Reap();
            Assert.True(Directory.Exists(mine));
            Assert.True(Directory.Exists(unknown));
        }
        finally
        {
            Directory.Delete(mine);
            Directory.Delete(unknown);
        }
    }

    // The session's scratch folder and its cgroup, both named after the owner.
    private static List<string> Leftovers(string token) =>
    [
        .. Directory.EnumerateDirectories(Path.GetTempPath(), $"{BwrapLeftovers.ScratchPrefix}{token}-*"),
        .. SessionCgroup.ExistingNames().Where(n => n.StartsWith($"{BwrapLeftovers.CgroupPrefix}{token}-", StringComparison.Ordinal)),
    ];

    private static SandboxOwner? OwnerOf(int pid) =>
        File.Exists($"/proc/{pid}/stat") ? SandboxOwner.Parse($"{pid}-{File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].Split(' ')[20]}") : null;

    private static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (probe() is { } found) return found;
            await Task.Delay(50);
        }

        throw new TimeoutException("The condition did not hold within 60 s.");
    }
}
