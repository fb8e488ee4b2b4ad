using SweLego.Sandboxes.Docker;

namespace SweLego.Tests.Sandboxes.Docker;

public sealed class DockerEndpointTests
{
    [Fact]
    public void Resolve_NothingConfigured_UsesDefaultSocket()
    {
        var endpoint = DockerEndpoint.Resolve(null, null);

        Assert.Equal("unix", endpoint.Scheme);
        Assert.Equal("/var/run/docker.sock", endpoint.LocalPath);
    }

    [Fact]
    public void Resolve_DockerHostSet_UsesDockerHost()
    {
        var endpoint = DockerEndpoint.Resolve(null, "tcp://127.0.0.1:2375");

        Assert.Equal(("tcp", "127.0.0.1", 2375), (endpoint.Scheme, endpoint.Host, endpoint.Port));
    }

    [Fact]
    public void Resolve_ConfiguredAndDockerHost_ConfiguredWins()
    {
        var endpoint = DockerEndpoint.Resolve("unix:///run/other.sock", "tcp://127.0.0.1:2375");

        Assert.Equal("/run/other.sock", endpoint.LocalPath);
    }

    [Fact]
    public void Parse_Ipv6Tcp_KeepsBracketedHostAndPort()
    {
        var endpoint = DockerEndpoint.Parse("tcp://[::1]:2375");

        Assert.Equal(("[::1]", 2375), (endpoint.Host, endpoint.Port));
    }

    [Theory]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("unix://relative.sock")]
    [InlineData("tcp://127.0.0.1")]
    [InlineData("tcp://:2375")]
    [InlineData("tcp://127.0.0.1:99999")]
    [InlineData("ssh://user@host")]
    public void Parse_UnsupportedEndpoint_ThrowsArgumentExceptionNamingIt(string endpoint)
    {
        var ex = Assert.Throws<ArgumentException>(() => DockerEndpoint.Parse(endpoint));

        Assert.Contains(endpoint, ex.Message, StringComparison.Ordinal);
    }
}
