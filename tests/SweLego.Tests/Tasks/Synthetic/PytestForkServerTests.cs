using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tasks.Synthetic;
using SweLego.Tasks.Harness;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Synthetic;

/// <summary>
/// The warm pytest process in a real bwrap session: children run the tests, the parent never
/// imports the repository (a module that records the importing process's pid at import), a
/// crashed child is one bad run, a hung child is a timeout whose child the server kills, and the
/// next run is served again by the same server.
/// </summary>
public sealed class PytestForkServerTests : IDisposable
{
    private const string Pytest = "python3 -m pytest -rA -p no:cacheprovider";
    private readonly TempDirectory _repo = new("swelego-repo-");

    public PytestForkServerTests()
    {
        File.WriteAllText(_repo.Combine("marked.py"), "import os\nwith open(os.path.join(os.path.dirname(__file__), 'imported-by.txt'), 'a') as f:\n    f.write(f'{os.getpid()}\\n')\n\ndef value():\n    return 1\n");
        File.WriteAllText(_repo.Combine("test_marked.py"), "import marked\n\ndef test_value():\n    assert marked.value() == 1\n");
        File.WriteAllText(_repo.Combine("test_crash.py"), "import os, signal, time\n\ndef test_crash():\n    if os.environ.get('CRASH') == '1':\n        os.kill(os.getpid(), signal.SIGSEGV)\n    if os.environ.get('HANG') == '1':\n        time.sleep(3600)\n");
    }

    [Theory]
    [InlineData("pytest -rA", "script")]
    [InlineData("python3 -m pytest -rA -p no:cacheprovider", "module")]
    [InlineData("python -m pytest", "module")]
    public void Parse_PlainPytestCommands_AreServed(string command, string mode)
    {
        Assert.Equal(mode, PytestForkServer.Parse(command)?.Mode);
    }

    [Theory]
    [InlineData("./tests/runtests.py --verbosity 2")]
    [InlineData("pytest -k 'a or b'")]
    [InlineData("cd tests && pytest")]
    [InlineData("FOO=1 pytest")]
    [InlineData("python -m unittest -v")]
    public void Parse_AnythingElse_RunsAsWritten(string command)
    {
        Assert.Null(PytestForkServer.Parse(command));
    }

    [Fact]
    public async Task Command_TwoRuns_ServedByOneParentThatNeverImportsTheRepository()
    {
        await using var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _repo.Path });

        var first = await RunAsync(session, "test_marked.py");
        string serverPid = await ServerPidAsync(session);
        var second = await RunAsync(session, "test_marked.py");

        Assert.Equal(TestStatus.Passed, first.Outcome.Statuses["test_marked.py::test_value"]);
        Assert.Equal(TestStatus.Passed, second.Outcome.Statuses["test_marked.py::test_value"]);
        Assert.DoesNotContain("no fork server", first.Log, StringComparison.Ordinal);
        Assert.Equal(serverPid, await ServerPidAsync(session));
        string[] importers = File.ReadAllLines(_repo.Combine("imported-by.txt"));
        Assert.Equal(2, importers.Length); // each child imported it afresh
        Assert.DoesNotContain(serverPid, importers);
        Assert.Equal(2, importers.Distinct().Count());
    }

    [Fact]
    public async Task Command_ChildCrashesOrHangs_ThatRunFailsAndTheServerServesTheNext()
    {
        await using var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _repo.Path });
        await RunAsync(session, "test_marked.py");
        string serverPid = await ServerPidAsync(session);

        var crashed = await RunAsync(session, "test_crash.py", "CRASH=1");
        var hung = await RunAsync(session, "test_crash.py", "HANG=1", TimeSpan.FromSeconds(5));
        var after = await RunAsync(session, "test_crash.py");

        Assert.Equal(128 + 11, crashed.Outcome.ExitCode);
        Assert.False(crashed.Outcome.IsGradable);
        Assert.Equal(TestRunProblem.TimedOut, hung.Outcome.Problem);
        Assert.True(after.Outcome.Statuses.TryGetValue("test_crash.py::test_crash", out var status), after.Log);
        Assert.Equal(TestStatus.Passed, status);
        Assert.Equal(serverPid, await ServerPidAsync(session));
        var left = await session.ExecAsync("ps -eo args | grep -c '[t]ime.sleep' || true", null);
        Assert.Equal("0", left.Output.Trim());
    }

    private static async Task<TestRunResult> RunAsync(ISandboxSession session, string file, string? variable = null, TimeSpan? timeout = null)
    {
        string command = await PytestForkServer.CommandAsync(session, Pytest, [file], CancellationToken.None);
        if (variable is not null) command = $"(export {variable}\n{command}\n)";
        return await SandboxTestRunner.RunAsync(session, command, [], TestLogParsers.Get("pytest"), timeout ?? TimeSpan.FromMinutes(1), CancellationToken.None);
    }

    private static async Task<string> ServerPidAsync(ISandboxSession session) =>
        (await session.ExecAsync($"cat {PytestForkServer.Folder}/pid", null)).Output.Trim();

    public void Dispose() => _repo.Dispose();
}
