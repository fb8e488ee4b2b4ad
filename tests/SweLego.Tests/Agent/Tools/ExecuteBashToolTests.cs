using System.Text.Json.Nodes;
using SweLego.Agent.Tools;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tests.Sandboxes;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Agent.Tools;

/// <summary>
/// <c>execute_bash</c> in a real bwrap session: the schema and every observation text of
/// OpenHands 0.53 (spec §2), byte for byte. Soft timeouts are 2 s so the tests stay short.
/// </summary>
[Collection(SandboxConformanceGroup.Name)]
public sealed class ExecuteBashToolTests : IAsyncLifetime, IDisposable
{
    private const string WaitHint =
        "You may wait longer to see additional output by sending empty command '', send other commands to interact with the current process, " +
        "send keys to interrupt/kill the command, or use the timeout parameter in execute_bash for future commands.";

    private const string NoOutput = "[The command has no new output after 2 seconds. " + WaitHint + "]";
    private const string Continued = "[Below is the output of the previous command.]\n";

    private readonly TempDirectory _workspace = new("swelego-bash-tool-");
    private ISandboxSession _session = null!;
    private ExecuteBashTool _tool = null!;

    public async Task InitializeAsync()
    {
        _session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _workspace.Path, Limits = SandboxLimits.Default });
        _tool = new ExecuteBashTool(_session, new ExecuteBashOptions { NoOutputTimeout = TimeSpan.FromSeconds(2) });
    }

    public async Task DisposeAsync() => await _session.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    private string Workdir => _session.Workdir;

    [Fact]
    public void Schema_Golden_NamesTypesRequiredAndEnum()
    {
        var schema = ExecuteBashTool.Schema;
        Assert.Equal("execute_bash", schema.Name);
        Assert.Equal(
            [("command", "string", true, (string[]?)null), ("is_input", "string", false, ["true", "false"]), ("timeout", "number", false, null)],
            schema.Parameters.Select(p => (p.Name, p.Type, p.Required, p.AllowedValues?.ToArray())));
        Assert.All(schema.Parameters, p => Assert.Null(p.ItemsType));
        Assert.StartsWith("Run a bash command in a terminal whose shell session persists between calls.\n\n### Running commands\n", schema.Description, StringComparison.Ordinal);
        Assert.Contains("prints nothing new for 10 seconds", schema.Description, StringComparison.Ordinal);
        Assert.EndsWith("* Output beyond a maximum length is truncated before it is returned.", schema.Description, StringComparison.Ordinal);
        Assert.Equal(
            "Optional. A hard timeout in seconds for this command. Without it, the default soft timeout applies.",
            schema.Parameters[2].Description);
    }

    [Fact]
    public async Task RunAsync_NothingRunning_EmptyCommandAndInputAreErrors()
    {
        Assert.Equal("ERROR: No previous running command to retrieve logs from.", await RunAsync(""));
        Assert.Equal("ERROR: No previous running command to retrieve logs from.", await RunAsync("  \n "));
        Assert.Equal("ERROR: No previous running command to interact with.", await RunAsync("y", isInput: true));
        Assert.Equal("ERROR: No previous running command to interact with.", await RunAsync("C-c", isInput: true));
    }

    [Fact]
    public async Task RunAsync_FinishedCommands_OutputExitCodeCwdAndPythonLines()
    {
        Assert.Equal(
            $"hello\n[The command completed with exit code 0.]\n[Current working directory: {Workdir}]\n[Command finished with exit code 0]",
            await RunAsync("  echo hello  \n"));
        Assert.Equal(
            $"out  x\n\nlast\n[The command completed with exit code 3.]\n[Current working directory: {Workdir}]\n[Command finished with exit code 3]",
            await RunAsync("printf '\\n  \\nout  x \\r\\n\\nlast  \\n\\n'; (exit 3)"));

        // The working directory persists; python on PATH (a virtual environment's, say) is reported.
        await RunAsync("mkdir -p sub/bin && ln -s /usr/bin/python3 sub/bin/python && cd sub && export PATH=$PWD/bin:$PATH");
        Assert.Equal(
            $"\n[The command completed with exit code 0.]\n[Current working directory: {Workdir}/sub]\n[Python interpreter: {Workdir}/sub/bin/python]\n[Command finished with exit code 0]",
            await RunAsync("true"));
    }

    [Fact]
    public async Task RunAsync_NoOutputTimeout_InputAndEmptyCommandContinueUntilCompletion()
    {
        string command = "echo one; read -r x; echo \"two:$x\"; while [ ! -e go ]; do sleep 0.1; done; echo three; read -r y; echo \"four:$y\"";
        Assert.Equal("one\n" + NoOutput, await RunAsync(command));
        Assert.Equal(Continued + "two:a\n" + NoOutput, await RunAsync("a", isInput: true));

        // Output printed between calls is collected by an empty command.
        await File.WriteAllTextAsync(Path.Combine(_workspace.Path, "go"), "");
        Assert.Equal(Continued + "three\n" + NoOutput, await RunAsync(""));
        Assert.Equal(Continued + "\n" + NoOutput, await RunAsync("", isInput: true));

        Assert.Equal(
            $"four:b\n[The command completed with exit code 0.]\n[Current working directory: {Workdir}]\n[Command finished with exit code 0]",
            await RunAsync("b", isInput: true));
        Assert.Equal("ERROR: No previous running command to retrieve logs from.", await RunAsync(""));
    }

    [Fact]
    public async Task RunAsync_HardTimeout_NewCommandRefusedUntilCtrlC()
    {
        Assert.Equal(
            "started\n[The command timed out after 1.0 seconds. " + WaitHint + "]",
            await RunAsync("echo started; sleep 1000", timeout: "1"));
        Assert.Equal(
            Continued + "\n[Your command \"ls -la\" is NOT executed. The previous command is still running - You CANNOT send new commands until the previous command is completed. " +
            "By setting `is_input` to `true`, you can interact with the current process: You may wait longer to see additional output of the previous command by sending empty command '', " +
            "send other commands to interact with the current process, or send keys (\"C-c\", \"C-z\", \"C-d\") to interrupt/kill the previous command before sending your new command.]",
            await RunAsync(" ls -la "));
        Assert.Equal(
            Continued + "\n[The command timed out after 1.5 seconds. " + WaitHint + "]",
            await RunAsync("", timeout: JsonValue.Create(1.5)));
        Assert.Equal(
            $"\n[The command completed with exit code 130. CTRL+C was sent.]\n[Current working directory: {Workdir}]\n[Command finished with exit code 130]",
            await RunAsync("C-c", isInput: true));
        Assert.StartsWith("ok\n[The command completed with exit code 0.]", await RunAsync("echo ok"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadTimeout_IsACallError()
    {
        var error = await Assert.ThrowsAsync<ToolCallException>(() => RunAsync("echo x", timeout: "soon"));
        Assert.Equal("Invalid float passed to 'timeout' argument: soon", error.Message);
        error = await Assert.ThrowsAsync<ToolCallException>(() => RunAsync("echo x", timeout: JsonValue.Create(-2)));
        Assert.Equal("The 'timeout' argument must be a positive number of seconds, not -2.", error.Message);
    }

    private async Task<string> RunAsync(string command, bool isInput = false, JsonNode? timeout = null)
    {
        var arguments = new JsonObject { ["command"] = command };
        if (isInput) arguments["is_input"] = "true";
        if (timeout is not null) arguments["timeout"] = timeout;
        return (await _tool.RunAsync(arguments, CancellationToken.None)).Text;
    }
}
