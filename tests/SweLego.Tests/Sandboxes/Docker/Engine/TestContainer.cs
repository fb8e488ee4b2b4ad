using SweLego.Sandboxes.Docker.Engine;

namespace SweLego.Tests.Sandboxes.Docker.Engine;

/// <summary>A started test container that is force-removed (with its anonymous volumes) on dispose.</summary>
public sealed class TestContainer(DockerEngineClient client, string id) : IAsyncDisposable
{
    public string Id { get; } = id;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await client.RemoveContainerAsync(Id, force: true, removeVolumes: true);
        }
        catch (DockerEngineException ex) when (ex.IsNotFound)
        {
            // Already gone: nothing to clean up.
        }
    }
}
