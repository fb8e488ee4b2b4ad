using System.Formats.Tar;
using System.Text;
using SweLego.Sandboxes.Docker.Engine;

namespace SweLego.Tests.Sandboxes.Docker.Engine;

[Collection(DockerEngineTestGroup.Name)]
public sealed class ImageTests(DockerEngineFixture fixture)
{
    private DockerEngineClient Client => fixture.Client;

    [Fact]
    public async Task ImageExistsAsync_BaseImageAndUnknownImage_TrueAndFalse()
    {
        Assert.True(await Client.ImageExistsAsync(DockerEngineFixture.BaseImage));
        Assert.False(await Client.ImageExistsAsync("swelego/no-such-image:never"));
    }

    [Fact]
    public async Task BuildImageAsync_DockerfileWithRunEnvWorkdirAndBuildArg_InspectShowsConfig()
    {
        var tag = $"swelego-test/build:{fixture.RunId}";
        const string dockerfile = """
            FROM swelego/base:bookworm-2
            ARG GREETING=default
            ENV SWL_FOO=bar
            WORKDIR /work
            RUN echo "$GREETING" > /x
            CMD ["bash"]
            """;
        var progress = new List<string>();
        try
        {
            var result = await Client.BuildImageAsync(
                Context(("Dockerfile", dockerfile)),
                tag,
                new Dictionary<string, string> { ["GREETING"] = "hi" },
                progress: new SyncProgress(progress));

            Assert.True(result.Succeeded, result.Error + "\n" + result.Log);
            Assert.StartsWith("sha256:", result.ImageId, StringComparison.Ordinal);
            Assert.Contains("Step 5/6", result.Log, StringComparison.Ordinal);
            Assert.NotEmpty(progress);
            var image = await Client.InspectImageAsync(tag);
            Assert.Equal(result.ImageId, image.Id);
            Assert.Contains(tag, image.RepoTags);
            Assert.Equal("/work", image.WorkingDir);
            Assert.Contains("SWL_FOO=bar", image.Env);
            Assert.Equal(["bash"], image.Cmd);
            Assert.Equal("hi\n", await ReadFileAsync(tag, "/x"));
        }
        finally
        {
            await RemoveImageIfPresentAsync(tag);
        }
    }

    [Fact]
    public async Task BuildImageAsync_FailingRunStep_ReturnsFailureWithExitCodeAndLog()
    {
        var tag = $"swelego-test/broken:{fixture.RunId}";
        try
        {
            var result = await Client.BuildImageAsync(
                Context(("Dockerfile", "FROM swelego/base:bookworm-2\nRUN echo about to fail && exit 3\n")), tag);

            Assert.False(result.Succeeded);
            Assert.Null(result.ImageId);
            Assert.Equal(3, result.ErrorCode);
            Assert.Contains("returned a non-zero code: 3", result.Error, StringComparison.Ordinal);
            Assert.Contains("about to fail", result.Log, StringComparison.Ordinal);
            Assert.False(await Client.ImageExistsAsync(tag));
        }
        finally
        {
            await RemoveImageIfPresentAsync(tag);
        }
    }

    [Fact]
    public async Task ImportImageAsync_TinyRootfs_CreatesImageThatCanBeRemoved()
    {
        var repo = "swelego-test/imported";
        var tag = fixture.RunId;
        try
        {
            var id = await Client.ImportImageAsync(Context(("etc/swelego-marker", "imported\n")), repo, tag);

            var image = await Client.InspectImageAsync($"{repo}:{tag}");
            Assert.Equal(id, image.Id);
            Assert.Empty(image.Cmd);
            Assert.Equal("", image.WorkingDir);
            await Client.RemoveImageAsync($"{repo}:{tag}");
            Assert.False(await Client.ImageExistsAsync($"{repo}:{tag}"));
        }
        finally
        {
            await RemoveImageIfPresentAsync($"{repo}:{tag}");
        }
    }

    [Fact]
    public async Task ListImagesAsync_LabelFilter_OnlyLabelledImageWithLabelsAndSizes()
    {
        var tag = $"swelego-test/listed:{fixture.RunId}";
        var label = $"swelego.test.list={Guid.NewGuid():N}";
        try
        {
            var built = await Client.BuildImageAsync(
                Context(("Dockerfile", $"FROM swelego/base:bookworm-2\nRUN echo {fixture.RunId} > /listed\n")), tag,
                labels: new Dictionary<string, string>(fixture.Labels) { ["swelego.test.list"] = label.Split('=')[1] });
            Assert.True(built.Succeeded, built.Error + "\n" + built.Log);

            var listed = Assert.Single(await Client.ListImagesAsync(label));
            var usage = Assert.Single(await Client.GetImageDiskUsageAsync(), image => image.Id == built.ImageId);

            Assert.Equal(built.ImageId, listed.Id);
            Assert.Equal([tag], listed.RepoTags);
            Assert.Equal(fixture.RunId, listed.Labels[DockerEngineFixture.RunLabelKey]);
            Assert.True(listed.Size > 100_000_000, $"Size {listed.Size} should include the base image's layers");
            Assert.InRange(DateTimeOffset.UtcNow - listed.Created, TimeSpan.Zero, TimeSpan.FromMinutes(10));
            // The base image is shared; only the small RUN layer is the image's own.
            Assert.InRange(usage.UniqueSize!.Value, 1, 1_000_000);
            Assert.Equal(0, usage.Containers);
            Assert.Contains(await Client.ListImagesAsync(), image => image.Id == built.ImageId);
        }
        finally
        {
            await RemoveImageIfPresentAsync(tag);
        }
    }

    [Fact]
    public async Task TagImageAsync_SameNameAgain_RefreshesLastTagTime()
    {
        var tag = $"swelego-test/tagged:{fixture.RunId}";
        try
        {
            await Client.TagImageAsync(DockerEngineFixture.BaseImage, "swelego-test/tagged", fixture.RunId);
            var first = await Client.InspectImageAsync(tag);

            await Client.TagImageAsync(tag, "swelego-test/tagged", fixture.RunId);
            var second = await Client.InspectImageAsync(tag);

            Assert.NotNull(first.LastTagTime);
            Assert.True(second.LastTagTime > first.LastTagTime, $"{second.LastTagTime:O} should be after {first.LastTagTime:O}");
            Assert.NotNull(second.Created);
            Assert.Contains(tag, second.RepoTags);
        }
        finally
        {
            await RemoveImageIfPresentAsync(tag); // only the tag: the base image keeps its own
        }
    }

    [Fact]
    public async Task RemoveImageAsync_UnknownImage_Throws404()
    {
        var ex = await Assert.ThrowsAsync<DockerEngineException>(() => Client.RemoveImageAsync("swelego/no-such-image:never"));

        Assert.True(ex.IsNotFound, ex.Message);
    }

    private static MemoryStream Context(params (string Name, string Text)[] files)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
            }
        }

        tar.Position = 0;
        return tar;
    }

    private async Task<string> ReadFileAsync(string image, string path)
    {
        await using var container = await fixture.StartAsync(new ContainerSpec(image));
        await using var archive = await Client.GetArchiveAsync(container.Id, path);
        await using var reader = new TarReader(archive);
        var entry = await reader.GetNextEntryAsync(copyData: true) ?? throw new InvalidDataException("empty archive");
        using var text = new StreamReader(entry.DataStream!);
        return await text.ReadToEndAsync();
    }

    private async Task RemoveImageIfPresentAsync(string name)
    {
        try
        {
            await Client.RemoveImageAsync(name, force: true);
        }
        catch (DockerEngineException ex) when (ex.IsNotFound)
        {
            // Never built or already removed.
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests want the lines synchronously.</summary>
    private sealed class SyncProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
