using System.Formats.Tar;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using SweLego.Sandboxes.Docker;

namespace SweLego.Tests.Sandboxes.Docker;

/// <summary>The few daemon calls the tests make, on the client library.</summary>
public static class DockerTestClient
{
    public static async Task<bool> ImageExistsAsync(this DockerClient client, string name)
    {
        try
        {
            await client.Images.InspectImageAsync(name);
            return true;
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
            return false;
        }
    }

    /// <summary>Removes an image (force: its tag even when others share the id); gone already is fine.</summary>
    public static async Task RemoveImageIfPresentAsync(this DockerClient client, string name)
    {
        try
        {
            await client.Images.DeleteImageAsync(name, new ImageDeleteParameters { Force = true });
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
            // Never built, or removed by the test.
        }
    }

    /// <summary>True once the container is gone (inspect answers 404).</summary>
    public static async Task<bool> ContainerGoneAsync(this DockerClient client, string id)
    {
        try
        {
            await client.Containers.InspectContainerAsync(id);
            return false;
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
            return true;
        }
    }

    public static async Task<bool> VolumeExistsAsync(this DockerClient client, string name)
    {
        try
        {
            await client.Volumes.InspectAsync(name);
            return true;
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
            return false;
        }
    }

    /// <summary>Builds an image from a Dockerfile text with labels; fails the test when the build fails.</summary>
    public static async Task BuildAsync(this DockerClient client, string tag, string dockerfile, IDictionary<string, string> labels)
    {
        using var context = new MemoryStream();
        using (var writer = new TarWriter(context, TarEntryFormat.Pax, leaveOpen: true))
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(dockerfile)) });
        context.Position = 0;
        var errors = new List<string>();
        await client.Images.BuildImageFromDockerfileAsync(
            new ImageBuildParameters { Tags = [tag], Labels = labels, Remove = true, ForceRemove = true },
            context, null, null, new Collect(m => { if (m.Error?.Message is { } error) errors.Add(error); }));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes; false on timeout.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout) return false;
            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests want the messages synchronously.</summary>
    private sealed class Collect(Action<JSONMessage> report) : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value) => report(value);
    }
}
