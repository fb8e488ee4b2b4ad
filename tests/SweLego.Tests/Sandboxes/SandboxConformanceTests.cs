using System.Net;
using System.Net.Sockets;
using System.Text;
using SweLego.Sandboxes;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Sandboxes;

/// <summary>
/// The behaviour every sandbox backend must have (bwrap, docker): one class per backend
/// derives from this and supplies the backend and a spec for a workspace.
/// </summary>
public abstract partial class SandboxConformanceTests : IDisposable
{
    private readonly TempDirectory _workspace = new("swelego-ws-");

    protected string HostWorkspace => _workspace.Path;

    protected abstract ISandboxBackend CreateBackend();

    /// <summary>A spec whose workspace is <see cref="HostWorkspace"/>.</summary>
    protected abstract SandboxSpec Spec(SandboxLimits? limits = null);

    /// <summary>Asserts from outside the sandbox that no process or resource of the session is left.</summary>
    protected abstract Task AssertNothingLeftAsync(ISandboxSession disposedSession, string uniqueCommand);

    protected async Task<ISandboxSession> StartAsync(SandboxLimits? limits = null) => await CreateBackend().StartAsync(Spec(limits));

    [Fact]
    public async Task ExecAsync_CdAndExport_PersistBetweenCommands()
    {
        await using var session = await StartAsync();
        await session.ExecAsync("mkdir -p sub/dir && cd sub/dir && export SWL_VALUE='kept value'");
        var result = await session.ExecAsync("echo \"$PWD|$SWL_VALUE\"");
        Assert.Equal($"{session.Workdir}/sub/dir|kept value\n", result.Output);
        Assert.Equal($"{session.Workdir}/sub/dir", result.WorkingDirectory);
    }

    [Fact]
    public async Task ExecAsync_ExitCodes_ReportedPerCommand()
    {
        await using var session = await StartAsync();
        Assert.Equal(0, (await session.ExecAsync("true")).ExitCode);
        Assert.Equal(1, (await session.ExecAsync("false")).ExitCode);
        Assert.Equal(42, (await session.ExecAsync("(exit 42)")).ExitCode);
        Assert.Equal(127, (await session.ExecAsync("no-such-command-swl")).ExitCode);
        var syntax = await session.ExecAsync("if then fi (");
        Assert.Equal(2, syntax.ExitCode);
        Assert.Contains("syntax error", syntax.Output, StringComparison.Ordinal);
        Assert.Equal("still alive\n", (await session.ExecAsync("echo still alive")).Output);
    }

    [Fact]
    public async Task ExecAsync_OutputWithoutTrailingNewlineAndStderr_ComesBackExactly()
    {
        await using var session = await StartAsync();
        var result = await session.ExecAsync("printf 'no newline'; echo ' err' >&2");
        Assert.Equal("no newline err\n", result.Output);
        Assert.Equal("x\n\ny", (await session.ExecAsync("printf 'x\\n\\ny'")).Output);
    }

    [Fact]
    public async Task ExecAsync_SleepPastTimeout_StoppedAndNoProcessLeft()
    {
        await using var session = await StartAsync();
        var result = await session.ExecAsync("sleep 1000", new ExecOptions { Timeout = TimeSpan.FromSeconds(2) });
        Assert.True(result.TimedOut);
        Assert.False(result.SessionEnded);
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(20));
        var processes = await session.ExecAsync("for p in /proc/[0-9]*; do read -r c < $p/comm && echo $c; done");
        Assert.DoesNotContain("sleep", processes.Output.Split('\n'));
        Assert.Equal("ok\n", (await session.ExecAsync("echo ok")).Output);
    }

    [Fact]
    public async Task ExecAsync_HugeOutput_TruncatedWithBoundedMemory()
    {
        await using var session = await StartAsync();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var result = await session.ExecAsync("yes | head -c 200000000", new ExecOptions { Timeout = TimeSpan.FromSeconds(120) });
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(200_000_000, result.OutputBytes);
        Assert.True(result.Truncated);
        Assert.Equal(30_000 + "\n[... Observation truncated due to length ...]\n".Length, result.Output.Length);
        Assert.StartsWith("y\ny\n", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("y\ny\n", result.Output, StringComparison.Ordinal);
        Assert.True(allocated < 64L << 20, $"allocated {allocated} bytes for 200 MB of output");
        Assert.Equal("after\n", (await session.ExecAsync("echo after")).Output);
    }

    [Fact]
    public async Task ExecAsync_EndlessOutputPastLimit_StoppedAndReported()
    {
        await using var session = await StartAsync(SandboxLimits.Default with { MaxOutputBytes = 1 << 20 });
        var result = await session.ExecAsync("yes", new ExecOptions { Timeout = TimeSpan.FromSeconds(60) });
        Assert.True(result.OutputLimitHit);
        Assert.False(result.TimedOut);
        Assert.Equal(130, result.ExitCode);
        Assert.InRange(result.OutputBytes, 1 << 20, 1L << 30);
        Assert.Contains(result.Notes, n => n.Contains("output limit", StringComparison.Ordinal));
        Assert.Equal("ok\n", (await session.ExecAsync("echo ok")).Output);
    }

    [Fact]
    public async Task ExecAsync_NetworkAccess_Denied()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var session = await StartAsync();

        var connect = await session.ExecAsync($"python3 -c \"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=5); print('CONNECTED')\"");
        Assert.NotEqual(0, connect.ExitCode);
        Assert.DoesNotContain("CONNECTED", connect.Output, StringComparison.Ordinal);
        Assert.False(listener.Pending());

        var lookup = await session.ExecAsync("python3 -c \"import socket; socket.getaddrinfo('example.com', 80); print('RESOLVED')\"");
        Assert.NotEqual(0, lookup.ExitCode);
        Assert.Contains("gaierror", lookup.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecAsync_WritesOutsideWorkspace_Fail()
    {
        await using var session = await StartAsync();
        foreach (string target in (string[])["/etc/swelego-escape", "/root/swelego-escape", "/usr/swelego-escape", "/swelego-escape"])
        {
            var result = await session.ExecAsync($"echo x > {target}");
            Assert.NotEqual(0, result.ExitCode);
        }

        Assert.False(File.Exists("/etc/swelego-escape"));
        Assert.False(File.Exists("/usr/swelego-escape"));
        Assert.False(File.Exists("/root/swelego-escape"));
        var inside = await session.ExecAsync("echo x > inside.txt && cat inside.txt && echo y > /tmp/scratch && cat /tmp/scratch");
        Assert.Equal("x\ny\n", inside.Output);
    }

    [Fact]
    public async Task ExecAsync_ForkBomb_ContainedReportedAndSessionUsable()
    {
        await using var session = await StartAsync(SandboxLimits.Default with { MaxProcesses = 64 });
        var bomb = await session.ExecAsync("bomb() { bomb | bomb & }; bomb; sleep 4", new ExecOptions { Timeout = TimeSpan.FromSeconds(60) });
        Assert.True(bomb.ProcessLimitHit, $"exit {bomb.ExitCode} after {bomb.Duration}, notes: {string.Join(" | ", bomb.Notes)}, output: {bomb.Output[..Math.Min(2000, bomb.Output.Length)]}");
        Assert.Contains(bomb.Notes, n => n.Contains("process limit", StringComparison.Ordinal));

        var next = await session.ExecAsync("echo alive; python3 -c 'print(6*7)'");
        Assert.True(next.ExitCode == 0, $"exit {next.ExitCode}, notes: {string.Join(" | ", next.Notes)}, output: {next.Output[..Math.Min(1000, next.Output.Length)]}");
        Assert.Equal("alive\n42\n", next.Output);
    }

    [Fact]
    public async Task ExecAsync_MemoryHog_KilledReportedAndSessionUsable()
    {
        await using var session = await StartAsync(SmallMemory);
        var hog = await session.ExecAsync("python3 -c \"x = b'a' * (1024 ** 3); print('SUR' + 'VIVED')\"");
        Assert.Equal(137, hog.ExitCode);
        Assert.True(hog.MemoryLimitHit);
        Assert.DoesNotContain("SURVIVED", hog.Output, StringComparison.Ordinal);

        var next = await session.ExecAsync("python3 -c 'print(\"fine\")'");
        Assert.Equal("fine\n", next.Output);
        Assert.False(next.MemoryLimitHit);
    }

    [Fact]
    public async Task ExecAsync_NonUtf8AndBinaryOutput_Survive()
    {
        await using var session = await StartAsync();
        var result = await session.ExecAsync("printf 'a\\377b\\000c\\n'");
        Assert.Equal("a\uFFFDb\0c\n", result.Output);

        var binary = await session.ExecAsync("head -c 100000 /bin/bash | od -An -c >/dev/null; cat /bin/true; echo; echo done");
        Assert.Equal(0, binary.ExitCode);
        Assert.EndsWith("\ndone\n", binary.Output, StringComparison.Ordinal);
        Assert.Equal("next\n", (await session.ExecAsync("echo next")).Output);
    }

    [Fact]
    public async Task InterruptAsync_RunningCommand_StopsItLikeCtrlC()
    {
        await using var session = await StartAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        var options = new ExecOptions
        {
            Timeout = TimeSpan.FromSeconds(60),
            OnOutput = bytes =>
            {
                lock (output)
                {
                    output.Append(Encoding.UTF8.GetString(bytes.Span));
                    if (output.ToString().Contains("started", StringComparison.Ordinal)) started.TrySetResult();
                }
            },
        };

        var running = session.ExecAsync("echo started; sleep 1000", options);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await session.InterruptAsync();
        var result = await running;

        Assert.True(result.ExitCode == 130 && !result.TimedOut, $"exit {result.ExitCode} after {result.Duration}: {result.Output} | {string.Join(" | ", result.Notes)}");
        Assert.Equal("ok\n", (await session.ExecAsync("echo ok")).Output);
    }

    [Fact]
    public async Task SendInputAsync_ToRunningCommand_IsReadAsStdin()
    {
        await using var session = await StartAsync();
        var running = session.ExecAsync("read -r line; echo \"got:$line\"; python3 -c 'print(\"py:\" + input())'");
        await session.SendInputAsync("hello world\n");
        await session.SendInputAsync("second\n");
        var result = await running;
        Assert.Equal("got:hello world\npy:second\n", result.Output);
    }

    [Fact]
    public async Task ExecAsync_ShellExits_SessionReportsEnded()
    {
        await using var session = await StartAsync();
        var exit = await session.ExecAsync("exit 3");
        Assert.True(exit.SessionEnded);
        Assert.Equal(3, exit.ExitCode);
        var after = await session.ExecAsync("echo hi");
        Assert.True(after.SessionEnded);
        Assert.Contains(after.Notes, n => n.Contains("exited with code 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Files_WriteReadAndCopyDirectories_RoundTrip()
    {
        await using var session = await StartAsync();
        byte[] binary = [0, 1, 2, 255, 254, 10, 13];
        await session.WriteFileAsync($"{session.Workdir}/nested/data.bin", binary);
        Assert.Equal(binary, await session.ReadFileAsync($"{session.Workdir}/nested/data.bin"));
        Assert.Equal("7\n", (await session.ExecAsync("stat -c %s nested/data.bin")).Output);

        using var source = new TempDirectory();
        Directory.CreateDirectory(source.Combine("pkg", "sub"));
        await File.WriteAllTextAsync(source.Combine("pkg", "a.py"), "print('a')\n");
        await File.WriteAllBytesAsync(source.Combine("pkg", "sub", "b.bin"), binary);
        await session.CopyInAsync(source.Path, $"{session.Workdir}/copied");
        Assert.Equal("a\n", (await session.ExecAsync("python3 copied/pkg/a.py")).Output);

        await session.ExecAsync("echo made-inside > copied/pkg/sub/new.txt");
        using var destination = new TempDirectory();
        await session.CopyOutAsync($"{session.Workdir}/copied", destination.Path);
        Assert.Equal(binary, await File.ReadAllBytesAsync(destination.Combine("pkg", "sub", "b.bin")));
        Assert.Equal("made-inside\n", await File.ReadAllTextAsync(destination.Combine("pkg", "sub", "new.txt")));

        await Assert.ThrowsAsync<SandboxFileException>(() => session.WriteFileAsync("/etc/swelego-api-escape", binary));
        Assert.False(File.Exists("/etc/swelego-api-escape"));
    }

    [Fact]
    public async Task Files_Errors_OneExceptionTypeProblemAndMessageOnEveryBackend()
    {
        await using var session = await StartAsync();
        string w = session.Workdir;
        Assert.Equal(0, (await session.ExecAsync("mkdir -p folder/inner && echo x > folder/inner/file.txt && echo y > plain.txt && ln -s /etc escape-link")).ExitCode);

        async Task Expect(SandboxFileProblem problem, string path, string message, Func<Task> operation)
        {
            var error = await Assert.ThrowsAsync<SandboxFileException>(operation);
            Assert.Equal(problem, error.Problem);
            Assert.Equal(path, error.SandboxPath);
            Assert.Equal(message, error.Message);
        }

        await Expect(SandboxFileProblem.NotFound, $"{w}/missing.txt", $"'{w}/missing.txt' does not exist in the sandbox.",
            () => session.ReadFileAsync($"{w}/missing.txt"));
        await Expect(SandboxFileProblem.NotFound, $"{w}/nowhere/missing.txt", $"'{w}/nowhere/missing.txt' does not exist in the sandbox.",
            () => session.ReadFileAsync($"{w}/nowhere/missing.txt"));
        await Expect(SandboxFileProblem.NotAFile, $"{w}/folder", $"'{w}/folder' is not a file (it, or a folder on its path, is the wrong kind).",
            () => session.ReadFileAsync($"{w}/folder"));
        await Expect(SandboxFileProblem.NotAFile, $"{w}/folder", $"'{w}/folder' is not a file (it, or a folder on its path, is the wrong kind).",
            () => session.WriteFileAsync($"{w}/folder", new byte[] { 1 }));
        await Expect(SandboxFileProblem.NotAFile, $"{w}/plain.txt/child.txt", $"'{w}/plain.txt/child.txt' is not a file (it, or a folder on its path, is the wrong kind).",
            () => session.WriteFileAsync($"{w}/plain.txt/child.txt", new byte[] { 1 }));
        foreach (string outside in (string[])["/etc/swelego-contract", $"{w}/../swelego-contract", $"{w}/escape-link/swelego-contract"])
        {
            await Expect(SandboxFileProblem.OutsideWorkspace, outside, $"'{outside}' is outside the workspace {w}; only the workspace is writable.",
                () => session.WriteFileAsync(outside, new byte[] { 1 }));
        }

        Assert.False(File.Exists("/etc/swelego-contract"));
        Assert.Equal(0, (await session.ExecAsync("test -d folder/inner && test -f plain.txt")).ExitCode); // nothing replaced
        Assert.Equal("y\n", System.Text.Encoding.UTF8.GetString(await session.ReadFileAsync($"{w}/plain.txt")));
    }

    [Fact]
    public async Task StartAsync_ExtraMounts_ReadWriteAndReadOnlyAsAsked()
    {
        using var writable = new TempDirectory();
        using var readOnly = new TempDirectory();
        await File.WriteAllTextAsync(readOnly.Combine("data.txt"), "shared\n");
        var spec = Spec() with { Mounts = [new SandboxMount(writable.Path), new SandboxMount(readOnly.Path, ReadOnly: true)] };
        await using var session = await CreateBackend().StartAsync(spec);

        var result = await session.ExecAsync(
            $"echo made > {writable.Path}/new.txt && cat {readOnly.Path}/data.txt && ({{ echo x > {readOnly.Path}/new.txt; }} 2>/dev/null || echo denied)");

        Assert.Equal("shared\ndenied\n", result.Output);
        Assert.Equal("made\n", await File.ReadAllTextAsync(writable.Combine("new.txt")));
        Assert.False(File.Exists(readOnly.Combine("new.txt")));
    }

    [Fact]
    public async Task DisposeAsync_BackgroundProcesses_AllKilled()
    {
        string unique = $"sleep {Random.Shared.Next(100_000, 999_999)}.5";
        var session = await StartAsync();
        var result = await session.ExecAsync($"({unique} &) ; {unique} & echo started");
        Assert.Equal("started\n", result.Output);
        await session.DisposeAsync();
        await AssertNothingLeftAsync(session, unique);
    }

    public void Dispose()
    {
        _workspace.Dispose();
        GC.SuppressFinalize(this);
    }
}
