using System.Diagnostics;
using SweLego.Sandboxes;
using Docker.DotNet.Models;
using SweLego.Sandboxes.Bwrap;
using SweLego.Sandboxes.Docker;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Sandboxes;

/// <summary>A swelego process killed with SIGKILL mid-session leaves nothing once any swelego starts again (bwrap and docker).</summary>
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
    public async Task CliStart_AfterSigkillDuringDockerSession_NoContainerOrVolumeOfTheDeadProcessRemains()
    {
        using var client = DockerEndpoint.CreateClient((string?)null);
        var info = CliRunner.ProcessStartInfo("sandbox", "run", "--backend", "docker", "--image", DockerBackendOptions.BaseImage, "--workdir", "/testbed", "--", "sleep 1000");
        using var cli = Process.Start(info)!;
        var owner = await WaitForAsync(() => OwnerOf(cli.Id));
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DockerBackend.OwnerLabel}={owner}"] = true } };
        async Task<int> CountAsync() =>
            (await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter })).Count
            + ((await client.Volumes.ListAsync(new VolumesListParameters { Filters = filter })).Volumes?.Count ?? 0);
        await WaitForAsync(async () => await CountAsync() == 2);   // the container and its workspace volume

        cli.Kill(entireProcessTree: false);
        await cli.WaitForExitAsync();
        var (exit, _, stderr) = await CliRunner.RunProcessAsync("--version");

        Assert.True(exit == 0, stderr);
        await WaitForAsync(async () => await CountAsync() == 0);
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

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("The condition did not hold within 60 s.");
            await Task.Delay(50);
        }
    }

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
