using SweLego.Sandboxes;

namespace SweLego.Tests.Sandboxes;

/// <summary>Limits and stops: memory, disk, output and timeouts that must leave the shell usable.</summary>
public abstract partial class SandboxConformanceTests
{
    // /tmp and /dev/shm live in memory and must fit below a small memory limit.
    private static readonly SandboxLimits SmallMemory = SandboxLimits.Default with { MemoryBytes = 256L << 20, TmpBytes = 64L << 20, ShmBytes = 16L << 20 };

    [Fact]
    public async Task ExecAsync_OomKillOfNotTheLastProcess_ReportedAsMemoryLimit()
    {
        await using var session = await StartAsync(SmallMemory);
        var result = await session.ExecAsync("python3 -c \"b=bytearray(1<<30)\"; echo done");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("done\n", result.Output, StringComparison.Ordinal);
        Assert.True(result.MemoryLimitHit, $"notes: {string.Join(" | ", result.Notes)}, output: {result.Output}");
        Assert.Contains(result.Notes, n => n.Contains("memory limit", StringComparison.Ordinal));

        var next = await session.ExecAsync("python3 -c 'print(6*7)'");
        Assert.Equal("42\n", next.Output);
        Assert.False(next.MemoryLimitHit);
    }

    [Theory]
    [InlineData("while :; do sleep 1; done")]
    [InlineData("while :; do :; done")]
    [InlineData("trap '' INT; sleep 100")]
    [InlineData("read x")]
    [InlineData("spin() { while :; do :; done; }; spin; echo after-spin")]
    public async Task ExecAsync_TopLevelCommandPastTimeout_AbandonedAndShellStateKept(string command)
    {
        await using var session = await StartAsync();
        var setup = await session.ExecAsync(
            "python3 -m venv --without-pip venv && . venv/bin/activate && mkdir -p sub && cd sub && export SWL_KEPT='kept value' && greet() { echo hi; }",
            new ExecOptions { Timeout = TimeSpan.FromSeconds(60) });
        Assert.True(setup.ExitCode == 0, setup.Output);

        var stopped = await session.ExecAsync(command, new ExecOptions { Timeout = TimeSpan.FromSeconds(2) });

        Assert.True(stopped.TimedOut);
        Assert.False(stopped.SessionEnded, string.Join(" | ", stopped.Notes));
        Assert.Equal(130, stopped.ExitCode);
        Assert.DoesNotContain("after-spin", stopped.Output, StringComparison.Ordinal);
        Assert.InRange(stopped.Duration, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(15));
        var state = await session.ExecAsync("echo \"ok|$PWD|$SWL_KEPT|${VIRTUAL_ENV##*/}|$(greet)|$(type -t deactivate)\"");
        Assert.Equal($"ok|{session.Workdir}/sub|kept value|venv|hi|function\n", state.Output);
        Assert.Equal(0, state.ExitCode);
    }

    [Fact]
    public async Task ExecAsync_TimeoutWhileErrexitIsOn_SessionKeptWithErrexit()
    {
        await using var session = await StartAsync();
        await session.ExecAsync("set -e");

        var stopped = await session.ExecAsync("while :; do :; done", new ExecOptions { Timeout = TimeSpan.FromSeconds(2) });

        Assert.True(stopped.TimedOut);
        Assert.False(stopped.SessionEnded, string.Join(" | ", stopped.Notes));
        var next = await session.ExecAsync("[[ $- == *e* ]] && echo errexit-on");
        Assert.Equal("errexit-on\n", next.Output);
    }

    [Fact]
    public async Task ExecAsync_LargeFilePastDiskLimit_StoppedReportedAndSessionUsable()
    {
        await using var session = await StartAsync(SandboxLimits.Default with { DiskBytes = 64L << 20 });
        var result = await session.ExecAsync("dd if=/dev/zero of=big bs=1M count=500", new ExecOptions { Timeout = TimeSpan.FromSeconds(120) });

        Assert.True(result.DiskLimitHit, $"exit {result.ExitCode}, notes: {string.Join(" | ", result.Notes)}, output: {result.Output}");
        Assert.False(result.TimedOut);
        Assert.Contains(result.Notes, n => n.Contains("over its disk limit of 64 MiB", StringComparison.Ordinal));
        Assert.InRange(WorkspaceBytes(), 1, 100L << 20);

        var cleanup = await session.ExecAsync("rm big && echo removed");
        Assert.Equal("removed\n", cleanup.Output);
        var next = await session.ExecAsync("echo ok");
        Assert.Equal("ok\n", next.Output);
        Assert.False(next.DiskLimitHit);
    }

    [Fact]
    public async Task ExecAsync_ManySmallFilesPastDiskLimit_StoppedReportedAndSessionUsable()
    {
        await using var session = await StartAsync(SandboxLimits.Default with { DiskBytes = 64L << 20 });
        var result = await session.ExecAsync(
            "mkdir -p many && for i in $(seq 100000); do head -c 100000 /dev/zero > many/f$i; done", new ExecOptions { Timeout = TimeSpan.FromSeconds(120) });

        Assert.True(result.DiskLimitHit, $"exit {result.ExitCode}, notes: {string.Join(" | ", result.Notes)}, output: {result.Output}");
        Assert.False(result.TimedOut);
        Assert.Contains(result.Notes, n => n.Contains("the command was stopped. Delete files to continue.", StringComparison.Ordinal));
        Assert.InRange(WorkspaceBytes(), 32L << 20, 200L << 20);

        var cleanup = await session.ExecAsync("rm -r many && echo removed");
        Assert.Equal("removed\n", cleanup.Output);
        Assert.Equal("ok\n", (await session.ExecAsync("echo ok")).Output);
    }

    [Fact]
    public async Task ExecAsync_TwoGigabytesOfOutputPastSmallLimit_StoppedWithBoundedMemory()
    {
        await using var session = await StartAsync(SandboxLimits.Default with { MaxOutputBytes = 1 << 20 });
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var result = await session.ExecAsync("head -c 2000000000 /dev/zero | tr '\\0' x", new ExecOptions { Timeout = TimeSpan.FromSeconds(120) });
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.True(result.OutputLimitHit);
        Assert.False(result.TimedOut);
        Assert.InRange(result.OutputBytes, 1 << 20, 1_999_999_999);
        Assert.StartsWith("xxxx", result.Output, StringComparison.Ordinal);
        Assert.True(result.Truncated);
        Assert.True(allocated < 64L << 20, $"allocated {allocated} bytes");
        Assert.Equal("ok\n", (await session.ExecAsync("echo ok")).Output);
    }

    // What the files in the host workspace hold (their apparent size).
    private long WorkspaceBytes() =>
        new DirectoryInfo(HostWorkspace).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
