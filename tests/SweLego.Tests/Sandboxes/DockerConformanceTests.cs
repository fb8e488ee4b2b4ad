using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Tests.Sandboxes.Docker;

namespace SweLego.Tests.Sandboxes;

/// <summary>The conformance suite on the Docker backend with a bind-mounted host workspace (needs dockerd; CI starts it).</summary>
[Collection(SandboxConformanceGroup.Name)]
public sealed class DockerConformanceTests : SandboxConformanceTests
{
    protected override ISandboxBackend CreateBackend() => new DockerBackend();

    protected override SandboxSpec Spec(SandboxLimits? limits = null) =>
        new() { HostWorkspace = HostWorkspace, Limits = limits ?? SandboxLimits.Default };

    protected override async Task AssertNothingLeftAsync(ISandboxSession disposedSession, string uniqueCommand)
    {
        using var client = DockerEndpoint.CreateClient((string?)null);
        string id = ((DockerSession)disposedSession).ContainerId;
        Assert.True(await client.ContainerGoneAsync(id), $"container {id} is still there");
    }

    [Fact]
    public async Task StartAsync_ImageWithoutHostWorkspace_WorkdirWritableRestReadOnly()
    {
        await using var session = await new DockerBackend().StartAsync(new SandboxSpec { Image = DockerBackendOptions.BaseImage, Workdir = "/testbed" });
        Assert.Equal("/testbed", session.Workdir);
        var result = await session.ExecAsync("pwd; echo data > file.txt && cat file.txt; touch /usr/escape 2>/dev/null || echo readonly");
        Assert.Equal("/testbed\ndata\nreadonly\n", result.Output);
        Assert.Equal("data\n"u8.ToArray(), await session.ReadFileAsync("/testbed/file.txt"));
    }
}
