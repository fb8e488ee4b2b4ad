using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Synthetic;
using SweLego.Tests.Tasks.Real;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Synthetic;

/// <summary>
/// The fast mode on the sample library (its coverage map is complete): the same instances with the
/// same lists as exact PASS_TO_PASS, every one re-validated; the audit runs and counts; a resumed
/// run reuses baseline.json and coverage.json.
/// </summary>
public sealed class SyntheticFastModeTests(SampleTasksFixture sample) : IClassFixture<SampleTasksFixture>
{
    [Fact]
    public async Task RunAsync_FastAndExact_SameInstancesAndListsAndFastOnesRevalidate()
    {
        using var folder = new TempDirectory();
        var options = new SyntheticTaskOptions { Repository = sample.History.Path, Offline = true, Runs = 1, Max = 8, Seed = 3, AuditRate = 0 };

        var fast = await SyntheticTaskMiner.RunAsync(RunFolder.Create(folder.Combine("fast")), options);
        var exact = await SyntheticTaskMiner.RunAsync(RunFolder.Create(folder.Combine("exact")), options with { ExactPassToPass = true });

        var fastInstances = JsonlReader.Read<TaskInstance>(fast.InstancesPath, RunJson.Options).ToList();
        var exactInstances = JsonlReader.Read<TaskInstance>(exact.InstancesPath, RunJson.Options).ToList();
        Assert.True(fast.FastMode);
        Assert.False(exact.FastMode);
        Assert.Equal(8, fastInstances.Count);
        Assert.Equal(exactInstances.Select(i => i.InstanceId), fastInstances.Select(i => i.InstanceId));
        Assert.All(fastInstances, i => Assert.Equal(SyntheticValidation.CoveringOnly, i.Validation!.Mode));
        Assert.All(exactInstances, i => Assert.Equal(SyntheticValidation.CoveringFirst, i.Validation!.Mode));
        foreach (var (f, e) in fastInstances.Zip(exactInstances))
        {
            Assert.Equal(e.FailToPass, f.FailToPass);
            Assert.Equal(e.PassToPass, f.PassToPass);
            Assert.NotEmpty(f.PassToPass);
            using var scratch = new TempDirectory();
            var check = await TaskRevalidator.RunAsync(f, folder.Combine("fast"), scratch.Path);
            Assert.True(check.Holds(f), $"{f.InstanceId}: {check}");
        }
    }

    [Fact]
    public async Task RunAsync_AuditEveryInstance_CountsAuditsAndNoDifference()
    {
        using var folder = new TempDirectory();
        var run = RunFolder.Create(folder.Combine("run"));
        var options = new SyntheticTaskOptions { Repository = sample.History.Path, Offline = true, Runs = 1, Max = 4, Seed = 5, AuditRate = 1 };

        var summary = await SyntheticTaskMiner.RunAsync(run, options);

        var instances = JsonlReader.Read<TaskInstance>(summary.InstancesPath, RunJson.Options).ToList();
        Assert.Equal(4, summary.Kept);
        Assert.Equal(4, summary.Audited);
        Assert.Equal(0, summary.AuditDiffered);
        Assert.All(instances, i => Assert.Equal([], i.Validation!.Audit!.Differences));
        var stage = run.ReadManifest().Stage(SyntheticTaskMiner.Stage);
        Assert.Equal(4, stage.Counts["audited"]);
        Assert.Equal(0, stage.Counts["audit_differed"]);
    }

    [Fact]
    public async Task RunAsync_Resume_ReusesBaselineAndCoverage()
    {
        using var folder = new TempDirectory();
        var run = RunFolder.Create(folder.Combine("run"));
        var options = new SyntheticTaskOptions { Repository = sample.History.Path, Offline = true, Runs = 1, Max = 1, Methods = ["py.flip_comparison"] };
        var firstPhases = new PhaseRecorder();
        var secondPhases = new PhaseRecorder();

        var first = await SyntheticTaskMiner.RunAsync(run, options, firstPhases);
        var second = await SyntheticTaskMiner.RunAsync(run, options with { Max = 2 }, secondPhases);
        var third = await SyntheticTaskMiner.RunAsync(run, options with { Max = 3, Runs = 2 }); // more runs: measured again

        Assert.False(first.BaselineReused);
        Assert.Contains("baseline", firstPhases.Phases);
        Assert.True(second.BaselineReused);
        Assert.Contains(SyntheticTaskMiner.BaselineReusedPhase, secondPhases.Phases);
        Assert.DoesNotContain("baseline", secondPhases.Phases);
        Assert.True(second.FastMode);
        Assert.Equal(2, second.Kept);
        Assert.False(third.BaselineReused);
        Assert.Equal(1, run.ReadManifest().Stage(SyntheticTaskMiner.Stage).Counts["fast_mode"]);
    }

    private sealed class PhaseRecorder : IProgress<SyntheticTaskProgress>
    {
        private readonly List<string> _phases = [];

        public IReadOnlyList<string> Phases
        {
            get
            {
                lock (_phases) return [.. _phases];
            }
        }

        public void Report(SyntheticTaskProgress value)
        {
            lock (_phases) _phases.Add(value.Phase);
        }
    }
}
