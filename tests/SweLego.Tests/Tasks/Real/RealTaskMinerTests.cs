using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Real;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Real;

/// <summary>
/// <c>tasks real</c> on the sample history in real bubblewrap sandboxes: the exact instances and
/// rejections, every instance re-validated from its record, resume and --max.
/// </summary>
public sealed class RealTaskMinerTests(SampleTasksFixture sample) : IClassFixture<SampleTasksFixture>
{
    [Fact]
    public async Task RunAsync_SampleHistoryOnBwrap_ExactInstancesThatRevalidate()
    {
        using var folder = new TempDirectory();
        var run = RunFolder.Create(folder.Combine("run"));
        var options = new RealTaskOptions { Repository = sample.History.Path, PrsFile = sample.PrsFile, Offline = true, Jobs = 2 };

        var summary = await RealTaskMiner.RunAsync(run, options);

        var (instances, rejections) = SampleTaskExpectations.Read(run);
        SampleTaskExpectations.AssertOutcome(sample.History, summary, instances, rejections);
        Assert.All(instances, i => Assert.Equal("bwrap", i.Environment.Backend));
        Assert.Single(instances.Select(i => i.Environment.Id).Distinct());
        Assert.True(File.Exists(run.StagePath(RealTaskMiner.Stage, "logs", instances[0].InstanceId, "after-3.log")));
        await Revalidation.AssertAllHoldAsync(run);
    }

    [Fact]
    public async Task CreateRealAsync_InstanceOfTheSample_WorkspaceAtBaseWithNoTraceOfTheFix()
    {
        using var folder = new TempDirectory();
        var run = RunFolder.Create(folder.Combine("run"));
        await RealTaskMiner.RunAsync(run, new RealTaskOptions { Repository = sample.History.Path, Offline = true, Runs = 1, Max = 1 });
        var instance = Assert.Single(SampleTaskExpectations.Read(run).Instances);

        var result = await TaskWorkspaces.CreateRealAsync(instance, run.DirectoryPath, folder.Combine("workspace"));

        Assert.True(result.Audit.IsClean);
        Assert.Equal(instance.BaseCommit, result.BaseCommit);
        var git = new SweLego.Tasks.Git.GitCommand(folder.Combine("workspace"));
        Assert.Equal(instance.BaseCommit, (await git.RunAsync(["rev-parse", "HEAD"], CancellationToken.None)).Trim());
        var fix = await git.TryRunAsync(["cat-file", "-e", instance.FixCommit!], null, CancellationToken.None);
        Assert.False(fix.Succeeded, "the fix commit must not be stored in the workspace");
        Assert.Empty((await git.RunAsync(["status", "--porcelain"], CancellationToken.None)).Trim());
        var mirror = new SweLego.Tasks.Git.GitCommand(instance.Environment.MirrorPath(run.DirectoryPath));
        Assert.True((await mirror.TryRunAsync(["cat-file", "-e", instance.FixCommit!], null, CancellationToken.None)).Succeeded, "the mirror keeps its history");
    }

    [Fact]
    public async Task RunAsync_MaxWithOneJobOrThree_SameInstances()
    {
        using var folder = new TempDirectory();
        var options = new RealTaskOptions { Repository = sample.History.Path, Offline = true, Runs = 1, Max = 3 };

        var serial = await RealTaskMiner.RunAsync(RunFolder.Create(folder.Combine("one")), options with { Jobs = 1 });
        var parallel = await RealTaskMiner.RunAsync(RunFolder.Create(folder.Combine("three")), options with { Jobs = 3 });

        Assert.Equal(3, parallel.Kept);
        Assert.Equal(
            JsonlReader.Read<TaskInstance>(serial.InstancesPath, RunJson.Options).Select(i => i.InstanceId),
            JsonlReader.Read<TaskInstance>(parallel.InstancesPath, RunJson.Options).Select(i => i.InstanceId));
    }

    [Fact]
    public async Task RunAsync_MaxThenResume_StopsAtMaxAndNeverRepeatsACandidate()
    {
        using var folder = new TempDirectory();
        var run = RunFolder.Create(folder.Combine("run"));
        var options = new RealTaskOptions { Repository = sample.History.Path, Offline = true, Runs = 1, Max = 2 };

        var first = await RealTaskMiner.RunAsync(run, options);
        var (firstInstances, firstRejections) = SampleTaskExpectations.Read(run);
        var second = await RealTaskMiner.RunAsync(run, options with { Max = null });
        var third = await RealTaskMiner.RunAsync(run, options with { Max = null });
        var (instances, rejections) = SampleTaskExpectations.Read(run);

        // Newest first: fix-money is kept, then two rejections, then flaky is the second instance.
        Assert.Equal(2, first.Kept);
        Assert.Equal([sample.History.Commit("fix-money"), sample.History.Commit("flaky")], firstInstances.Select(i => i.FixCommit));
        Assert.Equal(2, firstRejections.Count);
        Assert.Equal(5, second.Kept);
        Assert.Equal(4, second.Skipped);
        Assert.Equal(8, third.Skipped);
        Assert.Equal(5, instances.Select(i => i.InstanceId).Distinct().Count());
        Assert.Equal(5, instances.Count);
        Assert.Equal(3, rejections.Count);
    }
}
