using SweLego.Sandboxes;

namespace SweLego.Tests.Sandboxes;

/// <summary>
/// Early returns: a call gives back control while its command keeps running (as an agent's
/// shell does after a soft timeout); the next calls collect more output, type into it or stop it.
/// </summary>
public abstract partial class SandboxConformanceTests
{
    private const string Truncation = "\n[... Observation truncated due to length ...]\n";
    private static readonly ExecOptions QuickReturn = new() { ReturnAfterNoOutput = TimeSpan.FromMilliseconds(300) };

    [Fact]
    public async Task ContinueAsync_ParkedReadGetsInput_CollectsTheRestAndFinalResult()
    {
        await using var session = await StartAsync();
        var first = await session.ExecAsync("echo first; read -r x; echo \"got:$x\"", QuickReturn);
        Assert.True(first.StillRunning);
        Assert.True(first.ReturnedOnNoOutput);
        Assert.Equal(-1, first.ExitCode);
        Assert.Null(first.WorkingDirectory);
        string seen = await CollectUntilAsync(session, first, "first\n");
        Assert.Equal("first\n", seen);

        // The shell is busy: a new command is refused, not queued behind the read.
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.ExecAsync("echo too soon"));
        var nothingNew = await session.ContinueAsync(QuickReturn);
        Assert.True(nothingNew.StillRunning);
        Assert.Equal("", nothingNew.Output);

        await session.SendInputAsync("hello\n");
        var last = await session.ContinueAsync();
        Assert.False(last.StillRunning);
        Assert.Equal(0, last.ExitCode);
        Assert.Equal("got:hello\n", last.Output);
        Assert.Equal(session.Workdir, last.WorkingDirectory);
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.ContinueAsync());
        Assert.Equal("ok\n", (await session.ExecAsync("echo ok")).Output);
    }

    [Fact]
    public async Task ContinueAsync_SteadyOutputPastReturnAfter_ReturnsOnElapsedTime()
    {
        await using var session = await StartAsync();
        var options = new ExecOptions { ReturnAfterNoOutput = TimeSpan.FromSeconds(60), ReturnAfter = TimeSpan.FromMilliseconds(500) };
        var first = await session.ExecAsync("for i in $(seq 1000); do echo tick; sleep 0.05; done; echo end", options);
        Assert.True(first.StillRunning);
        Assert.False(first.ReturnedOnNoOutput);

        await session.InterruptAsync();
        var last = await session.ContinueAsync();
        Assert.Equal(130, last.ExitCode);
        Assert.DoesNotContain("end", last.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InterruptAsync_ParkedSleep_EndsItWithCtrlCStatus()
    {
        await using var session = await StartAsync();
        var first = await session.ExecAsync("sleep 1000", new ExecOptions { ReturnAfter = TimeSpan.FromMilliseconds(300) });
        Assert.True(first.StillRunning);
        await session.InterruptAsync();
        var last = await session.ContinueAsync();
        Assert.Equal(130, last.ExitCode);
        Assert.False(last.TimedOut);
        var processes = await session.ExecAsync("for p in /proc/[0-9]*; do read -r c < $p/comm && echo $c; done");
        Assert.DoesNotContain("sleep", processes.Output.Split('\n'));
    }

    [Fact]
    public async Task ExecAsync_ParkedCommandPastHardTimeout_KilledWhileNobodyWaits()
    {
        await using var session = await StartAsync();
        var first = await session.ExecAsync("echo start; sleep 1000", QuickReturn with { Timeout = TimeSpan.FromSeconds(2) });
        Assert.True(first.StillRunning);

        // Short calls: the command spends its time parked, where the kill must still reach it.
        var poll = new ExecOptions { ReturnAfter = TimeSpan.FromMilliseconds(50) };
        ExecResult last = first;
        while (last.StillRunning) last = await session.ContinueAsync(poll).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(last.TimedOut);
        Assert.Contains(last.Notes, n => n.Contains("timed out after 2 s", StringComparison.Ordinal));
        Assert.Equal("ok\n", (await session.ExecAsync("echo ok")).Output);
    }

    [Fact]
    public async Task ContinueAsync_LongOutputOnBothSides_EachPartTruncatedOnItsOwn()
    {
        await using var session = await StartAsync();
        var first = await session.ExecAsync(
            "head -c 40000 /dev/zero | tr '\\0' a; echo; read -r x; head -c 40000 /dev/zero | tr '\\0' b; echo", QuickReturn);
        Assert.True(first.StillRunning);
        Assert.True(first.Truncated);
        Assert.Equal(new string('a', 15_000) + Truncation + new string('a', 14_999) + "\n", first.Output);

        await session.SendInputAsync("go\n");
        var last = await session.ContinueAsync();
        Assert.True(last.Truncated);
        Assert.Equal(new string('b', 15_000) + Truncation + new string('b', 14_999) + "\n", last.Output);
        Assert.Equal(0, last.ExitCode);
    }

    [Fact]
    public async Task ContinueAsync_OutputLimit_CountsTheWholeCommandAcrossReturns()
    {
        await using var session = await StartAsync(SandboxLimits.Default with { MaxOutputBytes = 1 << 20 });
        var first = await session.ExecAsync("head -c 700000 /dev/zero; read -r x; head -c 700000 /dev/zero; sleep 1000", QuickReturn);
        Assert.True(first.StillRunning);
        Assert.False(first.OutputLimitHit);

        await session.SendInputAsync("go\n");
        var last = await session.ContinueAsync();
        Assert.True(last.OutputLimitHit);
        Assert.Contains(last.Notes, n => n.Contains("output limit", StringComparison.Ordinal));
        Assert.Equal("ok\n", (await session.ExecAsync("echo ok")).Output);
    }

    // Output can come late on a loaded machine: keep collecting until it is all there.
    private static async Task<string> CollectUntilAsync(ISandboxSession session, ExecResult first, string expected)
    {
        string seen = first.Output;
        for (int i = 0; i < 100 && seen.Length < expected.Length; i++) seen += (await session.ContinueAsync(QuickReturn)).Output;
        return seen;
    }
}
