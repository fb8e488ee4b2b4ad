using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Sandboxes.Probes;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Sandboxes.Probes;

/// <summary>The runner on a real bwrap backend: fresh sessions, isolation of failures, deadlines, tear-down.</summary>
[Collection(SandboxConformanceGroup.Name)]
public sealed class SandboxProbeRunnerTests
{
    [Fact]
    public async Task RunAsync_ProbeThrows_ErrorCountedNotContainedAndLaterProbesStillRun()
    {
        var workspaces = new List<string>();
        var throwing = new SandboxProbe("test.throws", "Throws after one command.", async (run, ct) =>
        {
            workspaces.Add(run.HostWorkspace);
            await run.ExecAsync("echo one > file.txt", ct);
            throw new InvalidOperationException("probe bug\nsecond line");
        });
        var fine = new SandboxProbe("test.fine", "Sees a fresh workspace.", async (run, ct) =>
        {
            workspaces.Add(run.HostWorkspace);
            var result = await run.ExecAsync("ls -A", ct);
            return ProbeVerdict.Judge(result.Output == "", $"workspace listing: '{result.Output}'");
        });
        var events = new List<string>();
        var runner = new SandboxProbeRunner(new BwrapBackend(), new SandboxProbeRunOptions
        {
            Started = p => events.Add($"start {p.Id}"),
            Finished = r => events.Add($"end {r.Id} {r.Status}"),
        });

        var report = await runner.RunAsync([throwing, fine]);

        Assert.Equal(["start test.throws", "end test.throws Error", "start test.fine", "end test.fine Contained"], events);
        var error = report.Results[0];
        Assert.Equal("the probe failed: InvalidOperationException: probe bug second line", error.Evidence);
        Assert.False(error.IsContained);
        Assert.Equal(["echo one > file.txt"], error.Commands);
        Assert.True(report.Results[1].IsContained, report.Results[1].Evidence);
        Assert.Equal((1, 0, 1, false), (report.Contained, report.NotContained, report.Errors, report.AllContained));
        Assert.Equal("bwrap", report.Backend);
        Assert.All(workspaces, w => Assert.False(Directory.Exists(w), $"{w} was left behind"));
    }

    [Fact]
    public async Task RunOneAsync_ProbePastDeadline_StoppedAsErrorAndTornDown()
    {
        using var folder = new TempDirectory();
        string? marker = null;
        HostProcess? bait = null;
        var slow = new SandboxProbe("test.slow", "Never finishes on its own.", async (run, ct) =>
        {
            marker = run.PlantMarker(folder.Combine("made", "here"), "x");
            bait = run.StartHostProcess();
            await run.ExecAsync("sleep 1000", ct, TimeSpan.FromSeconds(120));
            return ProbeVerdict.Contained("unreachable");
        }) { Deadline = TimeSpan.FromSeconds(3) };

        var result = await new SandboxProbeRunner(new BwrapBackend()).RunOneAsync(slow);

        Assert.Equal(ProbeStatus.Error, result.Status);
        Assert.Contains("deadline of 3 s", result.Evidence, StringComparison.Ordinal);
        Assert.InRange(result.DurationSeconds, 2.5, 60);
        Assert.False(File.Exists(marker));
        Assert.False(Directory.Exists(folder.Combine("made")), "folders the probe created are removed again");
        Assert.False(bait!.IsRunningFreely);
    }

    [Fact]
    public async Task RunOneAsync_SessionCannotStart_ErrorNotException()
    {
        var probe = new SandboxProbe("test.start", "Needs a session.", async (run, ct) =>
        {
            await run.ExecAsync("true", ct);
            return ProbeVerdict.Contained("ran");
        });
        var runner = new SandboxProbeRunner(new UnstartableBackend());

        var result = await runner.RunOneAsync(probe);

        Assert.Equal(ProbeStatus.Error, result.Status);
        Assert.Equal("the probe failed: SandboxException: The daemon is not running.", result.Evidence);
    }

    /// <summary>A backend whose sessions never start (a missing image, a stopped daemon).</summary>
    private sealed class UnstartableBackend : ISandboxBackend
    {
        public string Name => "unstartable";

        public Task<ISandboxSession> StartAsync(SandboxSpec spec, CancellationToken cancellationToken = default) =>
            throw new SandboxException("The daemon is not running.");
    }
}
