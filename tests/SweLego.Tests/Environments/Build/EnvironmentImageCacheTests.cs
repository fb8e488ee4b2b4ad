using Docker.DotNet;
using Docker.DotNet.Models;
using SweLego.Environments.Build;
using SweLego.Tests.Sandboxes.Docker;

namespace SweLego.Tests.Environments.Build;

/// <summary>
/// Pruning against the real daemon: three 2 MB images (a oldest, c newest) on the base image, under
/// a label only this test's images carry.
/// </summary>
[Collection(DockerTestGroup.Name)]
public sealed class EnvironmentImageCacheTests(DockerFixture fixture) : IAsyncLifetime
{
    private TestEnvironmentImages _images = null!;
    private string _a = "", _b = "", _c = "";

    private DockerClient Client => fixture.Client;

    public async Task InitializeAsync()
    {
        _images = new TestEnvironmentImages(Client);
        _a = await _images.BuildAsync("a");
        _b = await _images.BuildAsync("b");
        _c = await _images.BuildAsync("c");
    }

    public Task DisposeAsync() => _images.RemoveAllAsync();

    [Fact]
    public async Task ListAsync_ImagesOnSharedBase_CountsOwnLayersOnlyOldestFirst()
    {
        var listed = await Cache().ListAsync();

        Assert.Equal([_a, _b, _c], listed.Select(image => image.Name));
        Assert.Equal([$"test-{_images.Id}-a", $"test-{_images.Id}-b", $"test-{_images.Id}-c"], listed.Select(image => image.SpecHash));
        Assert.All(listed, image =>
        {
            // The 2 MB blob, not the ~400 MB base image it shares.
            Assert.InRange(image.Bytes, 2_000_000, 2_100_000);
            Assert.True(image.SizeBytes > 100_000_000, $"Size {image.SizeBytes} should include the base image");
        });
    }

    [Fact]
    public async Task PruneAsync_WithinBudget_RemovesNothing()
    {
        var listed = await Cache().ListAsync();

        var result = await Cache().PruneAsync(listed.Sum(image => image.Bytes), [], dryRun: false);

        Assert.Empty(result.Removed);
        Assert.Equal(result.BytesBefore, result.BytesAfter);
        Assert.All(result.Images, entry => Assert.Equal(ImagePruneOutcome.Kept, entry.Outcome));
        Assert.True(await Client.ImageExistsAsync(_a));
    }

    [Fact]
    public async Task PruneAsync_OverBudget_RemovesOldestUntilWithinBudget()
    {
        var listed = await Cache().ListAsync();
        long budget = listed[2].Bytes + listed[1].Bytes / 2;

        var result = await Cache().PruneAsync(budget, [], dryRun: false);

        Assert.False(result.DryRun);
        Assert.Equal([_a, _b], result.Removed.Select(image => image.Name));
        Assert.Equal([_c], result.Remaining.Select(image => image.Name));
        Assert.Equal(listed.Sum(image => image.Bytes), result.BytesBefore);
        Assert.Equal(listed[2].Bytes, result.BytesAfter);
        Assert.False(result.OverBudget);
        Assert.False(await Client.ImageExistsAsync(_a));
        Assert.False(await Client.ImageExistsAsync(_b));
        Assert.True(await Client.ImageExistsAsync(_c));
    }

    [Fact]
    public async Task PruneAsync_OldestInKeep_RemovesNextOldestInstead()
    {
        var listed = await Cache().ListAsync();

        var result = await Cache().PruneAsync(listed.Sum(image => image.Bytes) - 1, [_a], dryRun: false);

        Assert.Equal([_b], result.Removed.Select(image => image.Name));
        Assert.Equal(ImagePruneOutcome.Protected, result.Images.Single(entry => entry.Image.Name == _a).Outcome);
        Assert.True(await Client.ImageExistsAsync(_a));
        Assert.False(await Client.ImageExistsAsync(_b));
    }

    [Fact]
    public async Task PruneAsync_KeepByImageId_ProtectsIt()
    {
        var listed = await Cache().ListAsync();

        var result = await Cache().PruneAsync(0, [listed[0].Id, listed[1].ShortId], dryRun: true);

        Assert.Equal([_c], result.Removed.Select(image => image.Name));
        Assert.True(result.OverBudget);
    }

    [Fact]
    public async Task PruneAsync_OldestUsedByRunningContainer_SkippedAndReported()
    {
        var listed = await Cache().ListAsync();
        await using var container = await TestContainer.StartAsync(Client, _a);

        var result = await Cache().PruneAsync(listed.Sum(image => image.Bytes) - 1, [], dryRun: false);

        var inUse = Assert.Single(result.Images, entry => entry.Outcome == ImagePruneOutcome.InUse);
        Assert.Equal(_a, inUse.Image.Name);
        Assert.Contains("container", inUse.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([_a], result.InUse.Select(image => image.Name));
        Assert.Equal([_b], result.Removed.Select(image => image.Name));
        Assert.True(await Client.ImageExistsAsync(_a));
        Assert.False(await Client.ImageExistsAsync(_b));
        Assert.True(await Client.ImageExistsAsync(_c));
    }

    [Fact]
    public async Task PruneAsync_DryRun_RemovesNothingReportsWhatWouldGo()
    {
        var listed = await Cache().ListAsync();
        long total = listed.Sum(image => image.Bytes);

        var result = await Cache().PruneAsync(total - 1, [], dryRun: true);

        Assert.True(result.DryRun);
        Assert.Equal([_a], result.Removed.Select(image => image.Name));
        Assert.Equal(total, result.BytesBefore);
        Assert.Equal(total - listed[0].Bytes, result.BytesAfter);
        foreach (string tag in (string[])[_a, _b, _c])
            Assert.True(await Client.ImageExistsAsync(tag), tag);
    }

    [Fact]
    public async Task PruneAsync_DryRunOldestUsedByContainer_PredictsInUseAndNextOldest()
    {
        var listed = await Cache().ListAsync();
        await using var container = await TestContainer.StartAsync(Client, _a);

        var result = await Cache().PruneAsync(listed.Sum(image => image.Bytes) - 1, [], dryRun: true);

        Assert.Equal([_a], result.InUse.Select(image => image.Name));
        Assert.Equal("used by 1 container(s)", result.Images[0].Reason);
        Assert.Equal([_b], result.Removed.Select(image => image.Name));
        Assert.True(await Client.ImageExistsAsync(_b));
    }

    [Fact]
    public async Task PruneAsync_ReusedImageRetagged_CountsAsRecentlyUsed()
    {
        // What DockerEnvironmentBuilder does on reuse: tag the image with its own name again.
        await Client.Images.TagImageAsync(_a, new ImageTagParameters { RepositoryName = "swelego-test/env", Tag = _a.Split(':')[1] });

        var result = await Cache().PruneAsync((await Cache().ListAsync()).Sum(image => image.Bytes) - 1, [], dryRun: true);

        Assert.Equal([_b], result.Removed.Select(image => image.Name));
        Assert.Equal([_b, _c, _a], result.Images.Select(entry => entry.Image.Name));
    }

    private EnvironmentImageCache Cache() => new(Client, _images.LabelFilter);
}
