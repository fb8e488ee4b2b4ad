using System.Net;
using SweLego.Sandboxes.Docker.Engine;

namespace SweLego.Tests.Sandboxes.Docker.Engine;

[Collection(DockerEngineTestGroup.Name)]
public sealed class DockerEngineClientTests(DockerEngineFixture fixture)
{
    private DockerEngineClient Client => fixture.Client;

    [Fact]
    public async Task PingAsync_DaemonRunning_Succeeds()
    {
        await Client.PingAsync();
    }

    [Fact]
    public async Task VersionAsync_DaemonRunning_ReportsApiVersion()
    {
        var version = await Client.VersionAsync();

        Assert.False(string.IsNullOrEmpty(version.Version));
        Assert.True(Version.Parse(version.ApiVersion) >= new Version(1, 41), version.ApiVersion);
        Assert.Equal("linux", version.Os);
    }

    [Fact]
    public async Task PingAsync_NoDaemonAtEndpoint_ThrowsUnreachableWithEndpoint()
    {
        using var client = new DockerEngineClient(new DockerEngineOptions { Endpoint = "unix:///nonexistent/docker.sock" });

        var ex = await Assert.ThrowsAsync<DockerEngineException>(() => client.PingAsync());

        Assert.Null(ex.StatusCode);
        Assert.Contains("unix:///nonexistent/docker.sock", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no socket file at /nonexistent/docker.sock", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task StartExecAttachedAsync_NoDaemonAtEndpoint_ThrowsUnreachable()
    {
        using var client = new DockerEngineClient(new DockerEngineOptions { Endpoint = "unix:///nonexistent/docker.sock" });

        var ex = await Assert.ThrowsAsync<DockerEngineException>(() => client.StartExecAttachedAsync("abc"));

        Assert.Null(ex.StatusCode);
        Assert.Contains("no socket file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_TcpEndpointRefused_ThrowsUnreachable()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        using var client = new DockerEngineClient(new DockerEngineOptions { Endpoint = "tcp://127.0.0.1:1" });

        var ex = await Assert.ThrowsAsync<DockerEngineException>(() => client.PingAsync());

        Assert.Null(ex.StatusCode);
        Assert.Contains("tcp://127.0.0.1:1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("refused", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InspectContainerAsync_UnknownContainer_Throws404WithDaemonMessage()
    {
        var ex = await Assert.ThrowsAsync<DockerEngineException>(() => Client.InspectContainerAsync("swelego-no-such-container"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.True(ex.IsNotFound);
        Assert.Contains("No such container: swelego-no-such-container", ex.DaemonMessage, StringComparison.Ordinal);
        Assert.Contains("404", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task CreateContainerAsync_UnknownImage_Throws404()
    {
        var ex = await Assert.ThrowsAsync<DockerEngineException>(
            () => Client.CreateContainerAsync(new ContainerSpec("swelego/no-such-image:never") { Labels = fixture.Labels }));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task CreateContainerAsync_DefaultSpec_NoNetworkNoNewPrivilegesNoAutoRemove()
    {
        await using var container = await fixture.StartAsync();

        var info = await Client.InspectContainerAsync(container.Id);

        Assert.Equal("none", info.NetworkMode);
        Assert.Contains("no-new-privileges", info.SecurityOpt);
        Assert.True(info.Running);
        Assert.Equal("running", info.Status);
        Assert.Equal(fixture.RunId, info.Labels[DockerEngineFixture.RunLabelKey]);
        Assert.Equal(DockerEngineFixture.BaseImage, info.Image);
    }

    [Fact]
    public async Task CreateContainerAsync_MemoryAndPidsLimits_AppliedWithoutSwap()
    {
        const long memory = 256L * 1024 * 1024;
        await using var container = await fixture.StartAsync(new ContainerSpec(DockerEngineFixture.BaseImage)
        {
            MemoryBytes = memory,
            PidsLimit = 64,
        });

        var info = await Client.InspectContainerAsync(container.Id);

        Assert.Equal(memory, info.MemoryBytes);
        Assert.Equal(memory, info.MemorySwapBytes);
        Assert.Equal(64, info.PidsLimit);
    }

    [Fact]
    public async Task CreateContainerAsync_EnvWorkingDirUserAndTmpfs_VisibleInside()
    {
        await using var container = await fixture.StartAsync(new ContainerSpec(DockerEngineFixture.BaseImage)
        {
            Env = new Dictionary<string, string> { ["SWL_GREETING"] = "hello world" },
            WorkingDir = "/tmp",
            User = "nobody",
            ReadonlyRootfs = true,
            Tmpfs = new Dictionary<string, string> { ["/tmp"] = "rw,size=16m,mode=1777" },
        });
        var execId = await Client.CreateExecAsync(
            container.Id, ["sh", "-c", "echo \"$SWL_GREETING|$(pwd)|$(id -un)\" && touch /tmp/ok && echo tmpfs-writable"]);

        await using var stream = await Client.StartExecAttachedAsync(execId);
        var (stdout, stderr) = await ExecOutput.ReadAllAsync(stream);

        Assert.Equal("hello world|/tmp|nobody\ntmpfs-writable\n", System.Text.Encoding.UTF8.GetString(stdout));
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task InspectContainerAsync_ContainerExited_ReportsExitCode()
    {
        await using var container = await fixture.StartAsync(new ContainerSpec(DockerEngineFixture.BaseImage) { Cmd = ["sh", "-c", "exit 3"] });

        var info = await WaitUntilStoppedAsync(container.Id);

        Assert.False(info.Running);
        Assert.Equal(3, info.ExitCode);
        Assert.False(info.OomKilled);
    }

    [Fact]
    public async Task KillContainerAsync_RunningContainer_StopsWithSigkillExitCode()
    {
        await using var container = await fixture.StartAsync();

        await Client.KillContainerAsync(container.Id);
        var info = await WaitUntilStoppedAsync(container.Id);

        Assert.Equal(137, info.ExitCode);
    }

    [Fact]
    public async Task StopContainerAsync_AlreadyStopped_DoesNotThrow()
    {
        await using var container = await fixture.StartAsync();

        await Client.StopContainerAsync(container.Id, TimeSpan.Zero);
        await Client.StopContainerAsync(container.Id, TimeSpan.Zero);

        Assert.False((await Client.InspectContainerAsync(container.Id)).Running);
    }

    [Fact]
    public async Task ListContainersAsync_RunLabel_FindsOnlyThisRunsContainers()
    {
        await using var container = await fixture.StartAsync();

        var found = await Client.ListContainersAsync(fixture.RunLabelFilter);

        var summary = Assert.Single(found, c => c.Id == container.Id);
        Assert.Equal("running", summary.State);
        Assert.All(found, c => Assert.Equal(fixture.RunId, c.Labels[DockerEngineFixture.RunLabelKey]));
    }

    [Fact]
    public async Task RemoveContainerAsync_Removed_InspectThrowsNotFound()
    {
        await using var container = await fixture.StartAsync();

        await Client.RemoveContainerAsync(container.Id);

        var ex = await Assert.ThrowsAsync<DockerEngineException>(() => Client.InspectContainerAsync(container.Id));
        Assert.True(ex.IsNotFound);
    }

    private async Task<ContainerInfo> WaitUntilStoppedAsync(string id)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var info = await Client.InspectContainerAsync(id, cts.Token);
            if (!info.Running)
            {
                return info;
            }

            await Task.Delay(20, cts.Token);
        }
    }
}
