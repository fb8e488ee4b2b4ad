using Docker.DotNet;
using SweLego.Sandboxes.Docker;

namespace SweLego.Tests.Sandboxes.Docker;

/// <summary>
/// One client for the real daemon, shared by the docker tests of <see cref="DockerTestGroup"/>.
/// Fails (never skips) when the daemon or the base image is missing: CI provides both.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    public const string BaseImage = DockerBackendOptions.BaseImage;

    public DockerClient Client { get; } = DockerEndpoint.CreateClient((string?)null);

    public async Task InitializeAsync()
    {
        try
        {
            await Client.System.PingAsync();
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
        {
            throw new InvalidOperationException($"Docker tests need a running daemon (CI starts one): {e.Message}", e);
        }

        if (!await Client.ImageExistsAsync(BaseImage))
            throw new InvalidOperationException($"Docker tests need the image {BaseImage}; build it with scripts/setup.sh.");
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }
}
