using Docker.DotNet;
using Docker.DotNet.Models;
using SweLego.Sandboxes.Docker;

namespace SweLego.Tests.Sandboxes.Docker;

/// <summary>A started container (sleep infinity, no network) that is force-removed with its volumes on dispose.</summary>
public sealed class TestContainer : IAsyncDisposable
{
    private readonly DockerClient _client;

    private TestContainer(DockerClient client, string id)
    {
        _client = client;
        Id = id;
    }

    public string Id { get; }

    public static async Task<TestContainer> StartAsync(DockerClient client, string image)
    {
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Cmd = ["sleep", "infinity"],
            Labels = new Dictionary<string, string> { ["swelego.test"] = "1" },
            HostConfig = new HostConfig { NetworkMode = "none" },
        });
        var container = new TestContainer(client, created.ID);
        try
        {
            await client.Containers.StartContainerAsync(created.ID, null);
            return container;
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.Containers.RemoveContainerAsync(Id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
            // Already gone.
        }
    }
}
