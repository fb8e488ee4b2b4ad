using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Git;
using SweLego.Tasks.Synthetic;
using SweLego.Tests.Tasks.Real;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Synthetic;

/// <summary>
/// <c>tasks synth</c> on the sample library in real bubblewrap sandboxes: at least 30 instances
/// from at least 8 mutators, every one re-validated from its record, its workspace rebuilt from
/// the original commit and the bug, and a resumed run that never repeats a candidate.
/// </summary>
public sealed class SyntheticTaskMinerTests(SampleTasksFixture sample) : IClassFixture<SampleTasksFixture>
{
    [Fact]
    public async Task RunAsync_SampleLibrary_ThirtyInstancesFromEightMutatorsThatRevalidate()
    {
        using var folder = new TempDirectory();
        var run = RunFolder.Create(folder.Combine("run"));
        var options = new SyntheticTaskOptions { Repository = sample.History.Path, Offline = true, Jobs = 2, Max = 32 };

        var summary = await SyntheticTaskMiner.RunAsync(run, options);

        var instances = JsonlReader.Read<TaskInstance>(summary.InstancesPath, RunJson.Options).ToList();
        Assert.Equal(32, summary.Kept);
        Assert.Equal(32, instances.Count);
        Assert.True(summary.KeptByMethod.Count >= 8, string.Join(", ", summary.KeptByMethod.Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.Equal(instances.Count, instances.Select(i => i.InstanceId).Distinct().Count());
        Assert.Equal(instances.Count, instances.Select(i => i.BugPatch).Distinct().Count());
        Assert.All(instances.GroupBy(i => i.Bug!.Function), g => Assert.True(g.Count() <= 2, g.Key));
        foreach (var instance in instances)
        {
            Assert.Equal("synthetic", instance.Source);
            Assert.Equal(await sample.History.GitAsync("rev-parse", "HEAD"), instance.OriginalCommit);
            Assert.Empty(instance.TestPatch);
            Assert.NotEmpty(instance.FailToPass);
            Assert.All(instance.FailToPass, t => Assert.DoesNotContain(t, instance.PassToPass));
            Assert.StartsWith($"local__tally.{instance.OriginalCommit![..8]}.{instance.Bug!.Method}__", instance.InstanceId, StringComparison.Ordinal);
            Assert.DoesNotContain(instance.Patch, instance.ProblemStatement, StringComparison.Ordinal);
        }

        await Revalidation.AssertAllHoldAsync(run);

        // The agent's workspace: the buggy code as one root commit whose id is the instance's base commit.
        using var workspaces = new TempDirectory();
        foreach (var instance in instances.Take(3))
        {
            string path = workspaces.Combine(instance.InstanceId);
            Assert.Equal(instance.BaseCommit, await TaskWorkspaces.CreateSyntheticAsync(instance, run.DirectoryPath, path));
            var log = await new GitCommand(path).RunAsync(["log", "--format=%H"], CancellationToken.None);
            Assert.Equal(instance.BaseCommit, log.Trim());
            var applied = await new GitCommand(path).TryRunAsync(["apply", "--check", "-"], instance.Patch, CancellationToken.None);
            Assert.True(applied.Succeeded, applied.StandardError);
        }
    }

    [Fact]
    public async Task RunAsync_MaxThenResume_SameSeedContinuesWithoutRepeats()
    {
        using var folder = new TempDirectory();
        var run = RunFolder.Create(folder.Combine("run"));
        var options = new SyntheticTaskOptions { Repository = sample.History.Path, Offline = true, Runs = 1, Max = 3, Methods = ["py.flip_comparison", "py.change_arith_op"] };

        var first = await SyntheticTaskMiner.RunAsync(run, options);
        var firstIds = JsonlReader.Read<TaskInstance>(first.InstancesPath, RunJson.Options).Select(i => i.InstanceId).ToList();
        var second = await SyntheticTaskMiner.RunAsync(run, options with { Max = 5 });
        var all = JsonlReader.Read<TaskInstance>(second.InstancesPath, RunJson.Options).Select(i => i.InstanceId).ToList();
        var rejected = JsonlReader.Read<SyntheticRejection>(second.RejectedPath, RunJson.Options).Select(r => r.CandidateId).ToList();

        Assert.Equal(3, first.Kept);
        Assert.Equal(5, second.Kept);
        Assert.Equal(firstIds, all[..3]);
        Assert.Equal(5, all.Distinct().Count());
        Assert.Empty(all.Intersect(rejected));
        Assert.Equal(rejected.Count, rejected.Distinct().Count());
        Assert.All(all, id => Assert.Matches(@"\.py\.(flip_comparison|change_arith_op)__", id));
    }

    [Fact]
    public async Task RunAsync_OneJobOrThree_SameInstancesForTheSameSeed()
    {
        using var folder = new TempDirectory();
        var options = new SyntheticTaskOptions { Repository = sample.History.Path, Offline = true, Runs = 1, Max = 10, MaxPerFunction = 1, Seed = 7 };

        var serial = await SyntheticTaskMiner.RunAsync(RunFolder.Create(folder.Combine("one")), options with { Jobs = 1 });
        var parallel = await SyntheticTaskMiner.RunAsync(RunFolder.Create(folder.Combine("three")), options with { Jobs = 3 });

        Assert.Equal(
            JsonlReader.Read<TaskInstance>(serial.InstancesPath, RunJson.Options).Select(i => i.InstanceId),
            JsonlReader.Read<TaskInstance>(parallel.InstancesPath, RunJson.Options).Select(i => i.InstanceId));
        Assert.Equal(10, serial.Kept);
    }
}
