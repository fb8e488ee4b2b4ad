using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tasks.Harness;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Harness;

/// <summary>Real pytest inside a real bwrap sandbox, through the harness markers.</summary>
public sealed class SandboxTestRunnerTests : IDisposable
{
    private readonly TempDirectory _repo = new("swelego-repo-");

    [Fact]
    public async Task RunAsync_PytestInSandbox_ParsesStatusesAndKeepsExitCode()
    {
        File.WriteAllText(_repo.Combine("test_calc.py"),
            "def test_ok():\n    assert 1 + 1 == 2\n\ndef test_bad():\n    assert 1 + 1 == 3\n\n" +
            string.Concat(Enumerable.Range(0, 300).Select(i => $"def test_many_{i}():\n    print('x' * 200)\n\n")));
        await using var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _repo.Path });

        var run = await SandboxTestRunner.RunAsync(session, "python3 -m pytest -rA -p no:cacheprovider", ["test_calc.py"], TestLogParsers.Get("pytest"), TimeSpan.FromMinutes(2));

        Assert.Equal(TestRunKind.Completed, run.Outcome.Kind);
        Assert.Equal(1, run.Outcome.ExitCode);
        Assert.Equal(TestStatus.Passed, run.Outcome.Statuses["test_calc.py::test_ok"]);
        Assert.Equal(TestStatus.Failed, run.Outcome.Statuses["test_calc.py::test_bad"]);
        // The log is complete, far beyond the agent's 30,000-character observation.
        Assert.Equal(302, run.Outcome.Statuses.Count);
        Assert.True(run.Log.Length > 60_000);
    }

    [Fact]
    public async Task RunAsync_Timeout_InfrastructureNotFailingTests()
    {
        File.WriteAllText(_repo.Combine("test_slow.py"), "import time\n\ndef test_slow():\n    time.sleep(60)\n");
        await using var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _repo.Path });

        var run = await SandboxTestRunner.RunAsync(session, "python3 -m pytest -rA -p no:cacheprovider", ["test_slow.py"], TestLogParsers.Get("pytest"), TimeSpan.FromSeconds(3));

        Assert.Equal(TestRunKind.Infrastructure, run.Outcome.Kind);
        Assert.Null(run.Outcome.ExitCode);
    }

    [Fact]
    public async Task RunAsync_TestAllocatesWithoutEnd_ResourceLimitNotFailingTests()
    {
        File.WriteAllText(_repo.Combine("test_hog.py"), "def test_hog():\n    chunks = []\n    while True:\n        chunks.append(bytearray(16 << 20))\n");
        var limits = SandboxLimits.Default with { MemoryBytes = 256L << 20, TmpBytes = 64L << 20, ShmBytes = 16L << 20 };
        await using var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _repo.Path, Limits = limits });

        var run = await SandboxTestRunner.RunAsync(session, "python3 -m pytest -rA -p no:cacheprovider", ["test_hog.py"], TestLogParsers.Get("pytest"), TimeSpan.FromMinutes(1));

        Assert.Equal(TestRunKind.Infrastructure, run.Outcome.Kind);
        Assert.Equal(TestRunProblem.ResourceLimit, run.Outcome.Problem);
        Assert.Equal("the test command hit the sandbox's memory limit and was killed", run.Outcome.Reason);
    }

    public void Dispose() => _repo.Dispose();
}
