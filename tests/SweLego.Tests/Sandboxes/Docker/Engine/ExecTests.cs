using System.Net;
using System.Text;
using SweLego.Sandboxes.Docker.Engine;

namespace SweLego.Tests.Sandboxes.Docker.Engine;

[Collection(DockerEngineTestGroup.Name)]
public sealed class ExecTests(DockerEngineFixture fixture)
{
    private DockerEngineClient Client => fixture.Client;

    [Fact]
    public async Task StartExecAttachedAsync_CatWithStdin_EchoesInputUntilStdinClosed()
    {
        await using var container = await fixture.StartAsync();
        var execId = await Client.CreateExecAsync(container.Id, ["cat"], attachStdin: true);

        await using var stream = await Client.StartExecAttachedAsync(execId);
        await stream.WriteAsync("first line\n"u8.ToArray());
        Assert.Equal("first line\n", await ExecOutput.ReadUntilAsync(stream, "\n"));
        await stream.WriteAsync("second\n"u8.ToArray());
        await stream.CloseStdinAsync();
        var (stdout, stderr) = await ExecOutput.ReadAllAsync(stream);

        Assert.Equal("second\n", Encoding.UTF8.GetString(stdout));
        Assert.Empty(stderr);
        Assert.Equal(0, (await ExecOutput.WaitForExitAsync(Client, execId)).ExitCode);
    }

    [Fact]
    public async Task StartExecAttachedAsync_PersistentBash_StatePersistsAcrossCommands()
    {
        await using var container = await fixture.StartAsync();
        var execId = await Client.CreateExecAsync(container.Id, ["bash"], attachStdin: true);

        await using var stream = await Client.StartExecAttachedAsync(execId);
        await stream.WriteAsync("echo hi\n"u8.ToArray());
        var first = await ExecOutput.ReadUntilAsync(stream, "\n");
        await stream.WriteAsync("cd /tmp && export SWL_X=kept\necho \"$PWD $SWL_X\"\n"u8.ToArray());
        var second = await ExecOutput.ReadUntilAsync(stream, "\n");
        await stream.WriteAsync("exit 5\n"u8.ToArray());
        var (rest, _) = await ExecOutput.ReadAllAsync(stream);

        Assert.Equal("hi\n", first);
        Assert.Equal("/tmp kept\n", second);
        Assert.Empty(rest);
        Assert.Equal(5, (await ExecOutput.WaitForExitAsync(Client, execId)).ExitCode);
    }

    [Fact]
    public async Task StartExecAttachedAsync_StdoutAndStderr_Demultiplexed()
    {
        await using var container = await fixture.StartAsync();
        var execId = await Client.CreateExecAsync(
            container.Id, ["sh", "-c", "echo out1; echo err1 >&2; echo out2; echo err2 >&2; exit 7"]);

        await using var stream = await Client.StartExecAttachedAsync(execId);
        var (stdout, stderr) = await ExecOutput.ReadAllAsync(stream);

        Assert.Equal("out1\nout2\n", Encoding.UTF8.GetString(stdout));
        Assert.Equal("err1\nerr2\n", Encoding.UTF8.GetString(stderr));
        var info = await ExecOutput.WaitForExitAsync(Client, execId);
        Assert.Equal(7, info.ExitCode);
        Assert.False(info.Running);
        Assert.Equal(container.Id, info.ContainerId);
    }

    [Fact]
    public async Task StartExecAttachedAsync_BinaryAndLargeOutput_AllBytesArriveIntact()
    {
        await using var container = await fixture.StartAsync();
        // 3 MB of every byte value, then a non-UTF-8 tail, read through a buffer smaller than docker's frames.
        var execId = await Client.CreateExecAsync(
            container.Id,
            ["python3", "-c", "import sys; sys.stdout.buffer.write(bytes(range(256)) * 12288 + b'\\xff\\xfe\\x00end')"]);

        await using var stream = await Client.StartExecAttachedAsync(execId);
        var (stdout, stderr) = await ExecOutput.ReadAllAsync(stream, bufferSize: 1000);

        var expected = Enumerable.Repeat(Enumerable.Range(0, 256).Select(i => (byte)i), 12288)
            .SelectMany(b => b).Concat(new byte[] { 0xff, 0xfe, 0x00, (byte)'e', (byte)'n', (byte)'d' }).ToArray();
        Assert.Empty(stderr);
        Assert.Equal(expected.Length, stdout.Length);
        Assert.True(expected.AsSpan().SequenceEqual(stdout));
    }

    [Fact]
    public async Task CreateExecAsync_EnvAndWorkingDir_Applied()
    {
        await using var container = await fixture.StartAsync();
        var execId = await Client.CreateExecAsync(
            container.Id, ["sh", "-c", "echo \"$SWL_V $(pwd)\""], new Dictionary<string, string> { ["SWL_V"] = "v1" }, "/usr");

        await using var stream = await Client.StartExecAttachedAsync(execId);
        var (stdout, _) = await ExecOutput.ReadAllAsync(stream);

        Assert.Equal("v1 /usr\n", Encoding.UTF8.GetString(stdout));
    }

    [Fact]
    public async Task InspectExecAsync_WhileRunning_ReportsRunningWithPidAndNoExitCode()
    {
        await using var container = await fixture.StartAsync();
        var execId = await Client.CreateExecAsync(container.Id, ["cat"], attachStdin: true);
        await using var stream = await Client.StartExecAttachedAsync(execId);
        // The daemon answers 101 before the process starts; an echo proves it runs.
        await stream.WriteAsync("ping\n"u8.ToArray());
        await ExecOutput.ReadUntilAsync(stream, "ping\n");

        // The daemon records Running and then the pid after the process's first output can already arrive; wait for both.
        var info = await Client.InspectExecAsync(execId);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(info.Running && info.Pid > 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            info = await Client.InspectExecAsync(execId);
        }

        Assert.True(info.Running);
        Assert.Null(info.ExitCode);
        Assert.True(info.Pid > 0);
    }

    [Fact]
    public async Task StartExecAttachedAsync_TcpEndpoint_RoundTripsStdinAndStdout()
    {
        await using var container = await fixture.StartAsync();
        Assert.StartsWith("unix://", Client.Endpoint, StringComparison.Ordinal);
        await using var proxy = new LoopbackTcpProxy(Client.Endpoint["unix://".Length..]);
        using var tcpClient = new DockerEngineClient(new DockerEngineOptions { Endpoint = proxy.Endpoint });
        await tcpClient.PingAsync();
        var execId = await tcpClient.CreateExecAsync(container.Id, ["sh", "-c", "cat; echo done >&2"], attachStdin: true);

        await using var stream = await tcpClient.StartExecAttachedAsync(execId);
        await stream.WriteAsync("over tcp\n"u8.ToArray());
        await stream.CloseStdinAsync();
        var (stdout, stderr) = await ExecOutput.ReadAllAsync(stream);

        Assert.Equal("over tcp\n", Encoding.UTF8.GetString(stdout));
        Assert.Equal("done\n", Encoding.UTF8.GetString(stderr));
        Assert.Equal(0, (await ExecOutput.WaitForExitAsync(tcpClient, execId)).ExitCode);
    }

    [Fact]
    public async Task StartExecAttachedAsync_UnknownExec_Throws404()
    {
        var ex = await Assert.ThrowsAsync<DockerEngineException>(() => Client.StartExecAttachedAsync("0123456789abcdef"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Contains("No such exec instance", ex.DaemonMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateExecAsync_StoppedContainer_Throws409()
    {
        await using var container = await fixture.StartAsync();
        await Client.StopContainerAsync(container.Id, TimeSpan.Zero);

        var ex = await Assert.ThrowsAsync<DockerEngineException>(() => Client.CreateExecAsync(container.Id, ["true"]));

        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
    }
}
