using System.Diagnostics;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;

namespace SweLego.Tests.Sandboxes.Docker;

/// <summary>What the docker backend owns beyond the conformance suite: endpoints, actionable errors, labels and clean-up.</summary>
[Collection(DockerTestGroup.Name)]
public sealed class DockerBackendTests(DockerFixture fixture)
{
    private static readonly SandboxSpec ImageSpec = new() { Image = DockerBackendOptions.BaseImage, Workdir = "/workspace" };

    [Fact]
    public async Task StartAsync_TcpEndpointThroughLoopbackProxy_RunsCommandsAndFiles()
    {
        await using var proxy = new LoopbackTcpProxy("/var/run/docker.sock");
        var backend = new DockerBackend(new DockerBackendOptions { Endpoint = proxy.Endpoint });

        await using var session = await backend.StartAsync(ImageSpec);
        await session.WriteFileAsync("/workspace/in.txt", "over tcp\n"u8.ToArray());
        var result = await session.ExecAsync("cat in.txt; echo err >&2");

        Assert.Equal("over tcp\nerr\n", result.Output);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task StartAsync_NoDaemonAtUnixEndpoint_SandboxExceptionNamesEndpointAndHowToStart()
    {
        var backend = new DockerBackend(new DockerBackendOptions { Endpoint = "unix:///nonexistent/docker.sock" });
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<SandboxException>(() => backend.StartAsync(ImageSpec));

        Assert.Contains("unix:///nonexistent/docker.sock", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no socket file at /nonexistent/docker.sock", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/setup.sh", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task StartAsync_TcpEndpointRefused_SandboxExceptionSaysRefused()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var backend = new DockerBackend(new DockerBackendOptions { Endpoint = "tcp://127.0.0.1:1" });

        var ex = await Assert.ThrowsAsync<SandboxException>(() => backend.StartAsync(ImageSpec));

        Assert.Contains("tcp://127.0.0.1:1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("refused", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StartAsync_MissingImage_SandboxExceptionSaysHowToBuildIt()
    {
        var ex = await Assert.ThrowsAsync<SandboxException>(
            () => new DockerBackend().StartAsync(ImageSpec with { Image = "swelego/no-such-image:never" }));

        Assert.Contains("'swelego/no-such-image:never' is not present", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/setup.sh", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ImageWorkspace_LabelledContainerAndVolumeGoneAfterDispose()
    {
        var session = await new DockerBackend().StartAsync(ImageSpec);
        string id = ((DockerSession)session).ContainerId;
        string volume;
        try
        {
            var container = await fixture.Client.Containers.InspectContainerAsync(id);
            Assert.Equal(SandboxOwner.Current.ToString(), container.Config!.Labels[DockerBackend.OwnerLabel]);
            Assert.Matches("^[0-9a-f]{16}$", container.Config.Labels[DockerBackend.SessionLabel]);
            var mount = Assert.Single(container.Mounts, m => m.Destination == "/workspace");
            Assert.Equal("volume", mount.Type);
            volume = mount.Name!;
            var labels = (await fixture.Client.Volumes.InspectAsync(volume)).Labels;
            Assert.Equal(SandboxOwner.Current.ToString(), labels[DockerBackend.OwnerLabel]);
            // The volume starts as a copy of the image's directory and is writable.
            Assert.Equal("ok\n", (await session.ExecAsync("touch made && echo ok")).Output);
        }
        finally
        {
            await session.DisposeAsync();
        }

        // Removed with the container (the daemon may still be finishing an auto-removal).
        Assert.True(await DockerTestClient.EventuallyAsync(() => fixture.Client.ContainerGoneAsync(id), TimeSpan.FromSeconds(10)));
        Assert.True(await DockerTestClient.EventuallyAsync(async () => !await fixture.Client.VolumeExistsAsync(volume), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ReadFileAsync_MissingPath_SandboxFileExceptionNotFound()
    {
        await using var session = await new DockerBackend().StartAsync(ImageSpec);

        var ex = await Assert.ThrowsAsync<SandboxFileException>(() => session.ReadFileAsync("/workspace/no/such/file"));

        Assert.Equal(SandboxFileProblem.NotFound, ex.Problem);
        Assert.Contains("'/workspace/no/such/file' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_ContainerGone_SaysSoNotThatTheFileIsMissing()
    {
        var session = await new DockerBackend().StartAsync(ImageSpec);
        await ((DockerSession)session).KillAsync();

        var ex = await Assert.ThrowsAsync<SandboxException>(() => session.ReadFileAsync("/workspace/file"));

        Assert.Contains("No such container", ex.Message, StringComparison.OrdinalIgnoreCase);
        await session.DisposeAsync();
    }
}
