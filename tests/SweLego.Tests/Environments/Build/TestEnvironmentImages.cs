using Docker.DotNet;
using Docker.DotNet.Models;
using SweLego.Environments.Build;
using SweLego.Tests.Sandboxes.Docker;

namespace SweLego.Tests.Environments.Build;

/// <summary>
/// Tiny environment-like images for prune tests: the base image plus a file of random bytes, each
/// with its own swelego.environment value and a label unique to this instance, so a prune filtered
/// by <see cref="LabelFilter"/> never sees anyone else's images. <see cref="RemoveAllAsync"/> (call it
/// in teardown) removes every image with that label and the built tags, whatever a test left.
/// </summary>
public sealed class TestEnvironmentImages(DockerClient client)
{
    public const string BaseImage = "swelego/base:bookworm-3";
    public const string LabelKey = "swelego.test.prune";

    private readonly List<string> _tags = [];

    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>"swelego.test.prune=&lt;id&gt;": selects exactly this instance's images.</summary>
    public string LabelFilter => $"{LabelKey}={Id}";

    public IReadOnlyDictionary<string, string> Labels(string specHash) => new Dictionary<string, string>
    {
        ["swelego.test"] = "1",
        [LabelKey] = Id,
        [EnvironmentImageCache.LabelKey] = specHash,
    };

    /// <summary>Builds swelego-test/env:&lt;id&gt;-&lt;name&gt; holding /blob of <paramref name="bytes"/> random bytes; returns the tag.</summary>
    public async Task<string> BuildAsync(string name, int bytes = 2_000_000)
    {
        string tag = $"swelego-test/env:{Id}-{name}";
        _tags.Add(tag);
        // The name in the command defeats the build cache, which would otherwise share one blob layer.
        string dockerfile = $"FROM {BaseImage}\nRUN head -c {bytes} /dev/urandom > /blob && echo {Id}-{name} > /name\n";
        await client.BuildAsync(tag, dockerfile, new Dictionary<string, string>(Labels($"test-{Id}-{name}")));
        return tag;
    }

    public async Task RemoveAllAsync()
    {
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [LabelFilter] = true } };
        var ids = (await client.Images.ListImagesAsync(new ImagesListParameters { Filters = filter })).Select(image => image.ID).ToList();
        foreach (string name in ids.Concat(_tags))
        {
            await client.RemoveImageIfPresentAsync(name); // pruned by the test, or never built
        }
    }
}
