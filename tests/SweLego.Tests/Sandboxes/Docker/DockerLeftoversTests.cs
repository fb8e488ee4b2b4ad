using System.Globalization;
using Docker.DotNet.Models;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Tests.CrashWriter;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Sandboxes.Docker;

/// <summary>Containers die with their owner, and what dead owners left behind is reaped.</summary>
[Collection(DockerTestGroup.Name)]
public sealed class DockerLeftoversTests(DockerFixture fixture)
{
    [Fact]
    public async Task OwnerKilled_ContainerAndVolumeGoneWithinSecondsWithoutReap()
    {
        using var child = ChildProcess.StartCrashWriter(DockerSessionOwner.Mode);
        string id;
        string volume;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? line = await child.StandardOutput.ReadLineAsync(timeout.Token);
            if (line?.StartsWith("ready ", StringComparison.Ordinal) != true) Assert.Fail($"child said '{line}': {await ErrorsAsync(child)}");
            var container = await fixture.Client.Containers.InspectContainerAsync(line["ready ".Length..]);
            Assert.True(container.State!.Running, container.State.Status);
            (id, volume) = (container.ID, Assert.Single(container.Mounts, m => m.Type == "volume").Name!);
        }
        finally
        {
            child.Kill(); // SIGKILL: no clean-up code runs in the owner
        }

        await child.WaitForExitAsync();
        Assert.True(
            await DockerTestClient.EventuallyAsync(() => fixture.Client.ContainerGoneAsync(id), TimeSpan.FromSeconds(10)),
            "the container outlived its owner by 10 s");
        Assert.True(await DockerTestClient.EventuallyAsync(async () => !await fixture.Client.VolumeExistsAsync(volume), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ReapAsync_GoneAndLiveOwners_RemovesOnlyTheGoneOnes()
    {
        // A pid above pid_max never exists: its owner is certainly gone.
        int pidMax = int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim(), CultureInfo.InvariantCulture);
        string gone = new SandboxOwner(SandboxOwner.CurrentBootId, pidMax + 1, 1).ToString();
        string unique = Guid.NewGuid().ToString("N")[..12];
        string goneContainer = await CreateAsync(gone, unique);
        string liveContainer = await CreateAsync(SandboxOwner.Current.ToString(), unique);
        string goneVolume = (await fixture.Client.Volumes.CreateAsync(new VolumesCreateParameters
        {
            Name = $"swelego-test-{unique}",
            Labels = new Dictionary<string, string> { [DockerBackend.OwnerLabel] = gone },
        })).Name;
        try
        {
            int removed = await DockerLeftovers.ReapAsync(new DockerBackendOptions(), CancellationToken.None);

            Assert.True(removed >= 2, $"removed {removed}");
            Assert.True(await fixture.Client.ContainerGoneAsync(goneContainer));
            Assert.False(await fixture.Client.VolumeExistsAsync(goneVolume));
            Assert.False(await fixture.Client.ContainerGoneAsync(liveContainer));
        }
        finally
        {
            await fixture.Client.Containers.RemoveContainerAsync(liveContainer, new ContainerRemoveParameters { Force = true });
        }
    }

    [Theory]
    [InlineData("unix:///nonexistent/docker.sock")]
    [InlineData("tcp://127.0.0.1:1")]
    public async Task ReapAsync_DaemonUnreachable_ZeroAtOnce(string endpoint)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        int removed = await DockerLeftovers.ReapAsync(new DockerBackendOptions { Endpoint = endpoint }, CancellationToken.None);

        Assert.Equal(0, removed);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    /// <summary>A created, never started container with an owner label (what a crash between create and start leaves).</summary>
    private async Task<string> CreateAsync(string owner, string unique) =>
        (await fixture.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = DockerFixture.BaseImage,
            Cmd = ["true"],
            Labels = new Dictionary<string, string> { [DockerBackend.OwnerLabel] = owner, ["swelego.test"] = unique },
            HostConfig = new HostConfig { NetworkMode = "none" },
        })).ID;

    /// <summary>What a child that did not get ready said on stderr (it is killed first, so the read ends).</summary>
    private static async Task<string> ErrorsAsync(System.Diagnostics.Process child)
    {
        child.Kill();
        return await child.StandardError.ReadToEndAsync();
    }
}
