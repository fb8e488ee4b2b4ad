using SweLego.Environments.Build;
using SweLego.Environments.Inference;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Sandboxes.Docker.Engine;
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

            var again = await DockerEnvironmentBuilder.BuildAsync(spec, _repo.Path, commit, offline: true);
            Assert.True(again.Reused);
            Assert.Equal(built.Image, again.Image);
            Assert.Equal(built.UnmetRequirements, again.UnmetRequirements);
        }
        finally
        {
            if (built?.Image is { } image)
            {
                using var client = new DockerEngineClient();
                await client.RemoveImageAsync(image, force: true);
            }
        }
    }

    public void Dispose() => _repo.Dispose();
}
