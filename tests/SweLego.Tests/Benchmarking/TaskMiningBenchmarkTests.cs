using SweLego.Benchmarking;
using SweLego.Tasks.Real;
using SweLego.Tests.Tasks.Real;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Benchmarking;

/// <summary>The task-mining benchmark's plumbing on the sample history (its timings are printed by <c>swelego bench tasks</c>, never asserted).</summary>
public sealed class TaskMiningBenchmarkTests(SampleTasksFixture sample) : IClassFixture<SampleTasksFixture>
{
    [Fact]
    public async Task RunAsync_SampleHistory_RawRunsForEveryTestedCandidateAndConsistentRatios()
    {
        using var work = new TempDirectory();
        var options = new RealTaskOptions { Repository = sample.History.Path, Offline = true, Runs = 1, Jobs = 2 };

        var report = await TaskMiningBenchmark.RunAsync(options, work.Path);

        Assert.Equal(8, report.Candidates);
        Assert.Equal(5, report.Kept);
        Assert.Equal(7, report.TestedCandidates); // every candidate but the binary one ran tests
        Assert.Equal(1, report.Runs);
        Assert.True(report.RawTestSeconds > 0 && report.SandboxTestSeconds > 0 && report.EnvironmentSeconds > 0);
        Assert.True(report.MinerSeconds > report.EnvironmentSeconds + report.SandboxTestSeconds);
        Assert.Equal((report.MinerSeconds - report.EnvironmentSeconds - report.RawTestSeconds) / report.RawTestSeconds, report.Overhead, 9);
        Assert.Equal((report.MinerSeconds - report.RawTestSeconds) / report.RawTestSeconds, report.OverheadWithEnvironment, 9);
    }
}
