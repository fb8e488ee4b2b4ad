using SweLego.Sandboxes.Docker.Engine;

namespace SweLego.Tests.Sandboxes.Docker.Engine;

public sealed class DockerEndpointTests
{
    [Fact]
    public void Resolve_NothingConfigured_UsesDefaultSocket()
    {
        var endpoint = DockerEndpoint.Resolve(null, null);

        Assert.Equal("/var/run/docker.sock", endpoint.UnixPath);
        Assert.Equal("docker", endpoint.HostHeader);
    }

    [Fact]
    public void Resolve_DockerHostSet_UsesDockerHost()
    {
        var endpoint = DockerEndpoint.Resolve(null, "tcp://127.0.0.1:2375");

        Assert.Null(endpoint.UnixPath);
        Assert.Equal(("127.0.0.1", 2375), (endpoint.Host, endpoint.Port));
        Assert.Equal(new Uri("http://127.0.0.1:2375/"), endpoint.BaseAddress);
    }

    [Fact]
    public void Resolve_ConfiguredAndDockerHost_ConfiguredWins()
    {
        var endpoint = DockerEndpoint.Resolve("unix:///run/other.sock", "tcp://127.0.0.1:2375");

        Assert.Equal("/run/other.sock", endpoint.UnixPath);
    }

    [Fact]
    public void Parse_Ipv6Tcp_BracketsHostHeader()
    {
        var endpoint = DockerEndpoint.Parse("tcp://[::1]:2375");

        Assert.Equal(("::1", 2375), (endpoint.Host, endpoint.Port));
        Assert.Equal("[::1]:2375", endpoint.HostHeader);
    }

    [Theory]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("unix://relative.sock")]
    [InlineData("tcp://127.0.0.1")]
    [InlineData("tcp://:2375")]
    [InlineData("ssh://user@host")]
    public void Parse_UnsupportedEndpoint_ThrowsArgumentException(string endpoint)
    {
        var ex = Assert.Throws<ArgumentException>(() => DockerEndpoint.Parse(endpoint));

        Assert.Contains(endpoint, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadApiVersion_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new DockerEngineClient(new DockerEngineOptions { ApiVersion = "latest" }));
    }
}
