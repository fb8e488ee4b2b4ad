using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tasks.Synthetic;
using SweLego.Tasks.Harness;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Synthetic;

/// <summary>The covering-tests-first pytest run in a real bwrap sandbox: stops after them when none fails, runs everything otherwise.</summary>
public sealed class CoveringFirstRunTests : IDisposable
{
    private const string Pytest = "python3 -m pytest -rA -p no:cacheprovider";
    private readonly TempDirectory _repo = new("swelego-repo-");

    public CoveringFirstRunTests()
    {
        File.WriteAllText(_repo.Combine("test_a.py"), "def test_a1():\n    assert True\n\ndef test_a2():\n    assert True\n");
        File.WriteAllText(_repo.Combine("test_b.py"), "def test_b1():\n    assert True\n\ndef test_b2():\n    assert False\n");
    }

    [Fact]
    public async Task RunAsync_CoveringTestsAllPass_StopsAfterThemAlone()
    {
        await using var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _repo.Path });

        var run = await CoveringFirstRun.RunAsync(session, Pytest, ["test_b.py::test_b1"], false, TestLogParsers.Get("pytest"), TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.True(run.StoppedEarly, run.Run.Log);
        Assert.Equal(["test_b.py::test_b1"], run.Run.Outcome.Statuses.Keys);
    }

    [Fact]
    public async Task RunAsync_ACoveringTestFails_WholeSuiteRunsWithCoveringTestsFirst()
    {
        await using var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _repo.Path });

        var run = await CoveringFirstRun.RunAsync(session, Pytest, ["test_b.py::test_b2", "test_a.py::test_a2"], false, TestLogParsers.Get("pytest"), TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.False(run.StoppedEarly);
        Assert.True(run.Run.Outcome.IsGradable, run.Run.Outcome.Reason);
        Assert.Equal(4, run.Run.Outcome.Statuses.Count);
        Assert.Equal(TestStatus.Failed, run.Run.Outcome.Statuses["test_b.py::test_b2"]);
        var log = TestLog.Extract(run.Run.Log).Output!;
        // The two covering tests ran first (in collection order), the failing one second of four.
        Assert.Matches(@"test_a\.py \.\s+\[ 25%\]\ntest_b\.py F\s+\[ 50%\]", log);
    }

    public void Dispose() => _repo.Dispose();
}
