using SweLego.Environments.Build;
using SweLego.Environments.Inference;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Tests.Sandboxes.Docker;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Environments.Build;

/// <summary>A real offline image build through the Engine API, then a sandbox on that image.</summary>
public sealed class DockerEnvironmentBuilderTests : IDisposable
{
    private readonly TempDirectory _repo = new("swelego-repo-");

    [Fact]
    public async Task BuildAsync_Offline_ImageWithProjectInstalledUnmetListedAndReused()
    {
        SampleProject.Write(_repo, 7, "install_requires=['pytest', 'nonexistent-swelego-pkg']");
        var spec = EnvironmentInference.Infer(_repo.Path);
        string commit = $"test{Random.Shared.Next(1_000_000, 9_999_999)}";
        EnvironmentBuildResult? built = null;
        try
        {
            built = await DockerEnvironmentBuilder.BuildAsync(spec, _repo.Path, commit, offline: true);

            Assert.True(built.Success, built.Problem + "\n" + string.Join("\n", built.Steps.Select(s => s.Output)));
            Assert.False(built.Reused);
            Assert.Equal(["nonexistent-swelego-pkg"], built.UnmetRequirements);
            await using (var session = await new DockerBackend().StartAsync(new SandboxSpec { Image = built.Image, Workdir = DockerEnvironmentBuilder.Workdir }))
            {
                var check = await session.ExecAsync($"{built.Activate} && python -c 'import samplelib, pytest; print(samplelib.VALUE)' && pwd");
                Assert.Equal("7\n/testbed\n", check.Output);
            }

            using (var client = DockerEndpoint.CreateClient((string?)null))
            {
                var builtAt = (await client.Images.InspectImageAsync(built.Image!)).Metadata.LastTagTime;
                var again = await DockerEnvironmentBuilder.BuildAsync(spec, _repo.Path, commit, offline: true);
                Assert.True(again.Reused);
                Assert.Equal(built.Image, again.Image);
                Assert.Equal(built.UnmetRequirements, again.UnmetRequirements);
                Assert.Null(again.ImagePrune);
                // Reuse re-tags the image: it counts as recently used when pruning.
                Assert.True((await client.Images.InspectImageAsync(built.Image!)).Metadata.LastTagTime > builtAt);
            }
        }
        finally
        {
            if (built?.Image is { } image)
            {
                using var client = DockerEndpoint.CreateClient((string?)null);
                await client.RemoveImageIfPresentAsync(image);
            }
        }
    }

    [Fact]
    public async Task BuildAsync_ImageBudget_PrunesOlderImagesNeverTheNewOne()
    {
        SampleProject.Write(_repo, 3, "");
        var spec = EnvironmentInference.Infer(_repo.Path);
        using var client = DockerEndpoint.CreateClient((string?)null);
        var images = new TestEnvironmentImages(client);
        EnvironmentBuildResult? built = null;
        try
        {
            string older = await images.BuildAsync("older", bytes: 100_000);
            var options = new DockerEnvironmentOptions
            {
                ImageBudgetBytes = 0,
                PruneLabelFilter = images.LabelFilter,
                ExtraLabels = new Dictionary<string, string> { [TestEnvironmentImages.LabelKey] = images.Id, ["swelego.test"] = "1" },
            };

            built = await DockerEnvironmentBuilder.BuildAsync(
                spec, _repo.Path, $"test{Random.Shared.Next(1_000_000, 9_999_999)}", offline: true, environment: options);

            Assert.True(built.Success, built.Problem);
            var pruned = Assert.IsType<ImagePruneResult>(built.ImagePrune);
            Assert.Equal([older], pruned.Removed.Select(image => image.Name));
            Assert.Equal([built.Image], pruned.Remaining.Select(image => image.Name));
            Assert.Equal(ImagePruneOutcome.Protected, pruned.Images.Single(entry => entry.Image.Name == built.Image).Outcome);
            Assert.False(await client.ImageExistsAsync(older));
            Assert.True(await client.ImageExistsAsync(built.Image!));
        }
        finally
        {
            await images.RemoveAllAsync();
            if (built?.Image is { } image)
            {
                // Unless the removal by label above took it.
                await client.RemoveImageIfPresentAsync(image);
            }
        }
    }

    public void Dispose() => _repo.Dispose();
}
