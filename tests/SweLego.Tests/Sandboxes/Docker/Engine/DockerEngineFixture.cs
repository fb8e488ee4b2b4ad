using SweLego.Sandboxes.Docker.Engine;

namespace SweLego.Tests.Sandboxes.Docker.Engine;

/// <summary>
/// One client for the real daemon, shared by the engine tests. Fails (never skips) when the daemon
/// or the base image is missing: CI provides both. Everything created is labelled with
/// swelego.test=1 plus a per-run label, and whatever a failed test leaked is swept at the end
/// (only this run's objects, so parallel test runs do not hurt each other).
/// </summary>
public sealed class DockerEngineFixture : IAsyncLifetime
{
    public const string BaseImage = "swelego/base:bookworm-2";
    public const string RunLabelKey = "swelego.test.run";

    public DockerEngineClient Client { get; } = new();

    public string RunId { get; } = Guid.NewGuid().ToString("N")[..12];

    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string>
    {
        ["swelego.test"] = "1",
        [RunLabelKey] = RunId,
    };

    public string RunLabelFilter => $"{RunLabelKey}={RunId}";

    /// <summary>A name unique to this run, for volumes and images.</summary>
    public string UniqueName(string prefix) => $"swelego-test-{prefix}-{RunId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A container from <paramref name="spec"/> (labels added; Cmd defaults to sleep), started.</summary>
    public async Task<TestContainer> StartAsync(ContainerSpec? spec = null)
    {
        spec ??= new ContainerSpec(BaseImage);
        var labels = new Dictionary<string, string>(Labels);
        foreach (var (key, value) in spec.Labels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        var id = await Client.CreateContainerAsync(spec with { Labels = labels, Cmd = spec.Cmd ?? ["sleep", "infinity"] });
        var container = new TestContainer(Client, id);
        try
        {
            await Client.StartContainerAsync(id);
            return container;
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    public async Task InitializeAsync()
    {
        try
        {
            await Client.PingAsync();
        }
        catch (DockerEngineException ex)
        {
            throw new InvalidOperationException($"Docker engine tests need a running daemon (CI starts one): {ex.Message}", ex);
        }

        if (!await Client.ImageExistsAsync(BaseImage))
        {
            throw new InvalidOperationException($"Docker engine tests need the image {BaseImage}; build it with .ci/build-base-image.sh.");
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var leaked in await Client.ListContainersAsync(RunLabelFilter))
            {
                await Client.RemoveContainerAsync(leaked.Id, force: true, removeVolumes: true);
            }

            foreach (var volume in await Client.ListVolumesAsync(RunLabelFilter))
            {
                await Client.RemoveVolumeAsync(volume, force: true);
            }
        }
        finally
        {
            Client.Dispose();
        }
    }
}
