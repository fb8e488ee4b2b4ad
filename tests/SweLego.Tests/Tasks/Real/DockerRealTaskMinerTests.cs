using SweLego.Runs;
using SweLego.Sandboxes.Docker;
using SweLego.Tasks.Real;
using SweLego.Tests.Rollouts;
using SweLego.Tests.Sandboxes.Docker;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Real;

/// <summary>
/// <c>tasks real</c> on the sample history with the docker backend: the same instances as with bwrap, re-validated in containers;
/// then a rollout in one of those environments (<see cref="DockerRolloutChecks"/>), reusing the images.
/// </summary>
public sealed class DockerRealTaskMinerTests(SampleTasksFixture sample) : IClassFixture<SampleTasksFixture>
{
    [Fact]
    public async Task RunAsync_SampleHistoryOnDocker_SameInstancesThatRevalidate()
    {
        using var folder = new TempDirectory();
        var run = RunFolder.Create(folder.Combine("run"));
        var options = new RealTaskOptions { Repository = sample.History.Path, PrsFile = sample.PrsFile, Offline = true, Backend = "docker" };
        var images = new List<string>();
        try
        {
            var summary = await RealTaskMiner.RunAsync(run, options);

            var (instances, rejections) = SampleTaskExpectations.Read(run);
            images.AddRange(instances.Select(i => i.Environment.Image!).Distinct());
            SampleTaskExpectations.AssertOutcome(sample.History, summary, instances, rejections);
            Assert.All(instances, i => Assert.Equal("docker", i.Environment.Backend));
            Assert.All(instances, i => Assert.StartsWith("swelego/env:", i.Environment.Image, StringComparison.Ordinal));
            await Revalidation.AssertAllHoldAsync(run);
            var steady = instances.Where(i => !i.FailToPass.Concat(i.PassToPass).Any(t => t.Contains("restock", StringComparison.Ordinal))).OrderBy(i => i.InstanceId, StringComparer.Ordinal).First();
            await DockerRolloutChecks.AssertGoldReplayResolvesWithoutTheFutureAsync(folder.Combine("run"), steady, summary.InstancesPath);
        }
        finally
        {
            using var client = DockerEndpoint.CreateClient((string?)null);
            foreach (string image in images) await client.RemoveImageIfPresentAsync(image);
        }
    }
}
