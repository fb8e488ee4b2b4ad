using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tasks.Harness;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Harness;

/// <summary>Repeated real pytest runs in a bwrap sandbox: a test that alternates is flaky.</summary>
public sealed class TestBaselineTests : IDisposable
{
    private const string Pytest = "python3 -m pytest -rA -p no:cacheprovider";
    private readonly TempDirectory _repo = new("swelego-repo-");

    [Fact]
    public async Task RunAsync_AlternatingTest_FlakyAndExcludedFromStatuses()
    {
        // The counter lives in the sandbox's private /tmp, so each run sees the previous one.
        File.WriteAllText(_repo.Combine("test_mix.py"), """
            import os

            def test_stable_pass():
                assert True

            def test_stable_fail():
                assert False

            def test_alternates():
                path = "/tmp/swelego-flaky-counter"
                count = int(open(path).read()) if os.path.exists(path) else 0
                open(path, "w").write(str(count + 1))
                assert count % 2 == 0
            """.ReplaceLineEndings("\n"));
        await using var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _repo.Path });

        var baseline = await TestBaseline.RunAsync(session, Pytest, ["test_mix.py"], TestLogParsers.Get("pytest"), TimeSpan.FromMinutes(1));

        Assert.True(baseline.IsUsable);
        Assert.Equal(3, baseline.Runs.Count);
        Assert.Equal(["test_mix.py::test_alternates"], baseline.Flaky);
        Assert.Equal(TestStatus.Passed, baseline.Statuses["test_mix.py::test_stable_pass"]);
        Assert.Equal(TestStatus.Failed, baseline.Statuses["test_mix.py::test_stable_fail"]);
        Assert.False(baseline.Statuses.ContainsKey("test_mix.py::test_alternates"));
    }

    [Fact]
    public async Task RunAsync_CollectionError_NoBaselineWithReason()
    {
        File.WriteAllText(_repo.Combine("test_broken.py"), "import no_such_module_swelego\n\ndef test_x():\n    pass\n");
        await using var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _repo.Path });

        var baseline = await TestBaseline.RunAsync(session, Pytest, ["test_broken.py"], TestLogParsers.Get("pytest"), TimeSpan.FromMinutes(1));

        Assert.False(baseline.IsUsable);
        Assert.Single(baseline.Runs);
        Assert.StartsWith("run 1 of 3: ", baseline.Problem, StringComparison.Ordinal);
    }

    public void Dispose() => _repo.Dispose();
}
