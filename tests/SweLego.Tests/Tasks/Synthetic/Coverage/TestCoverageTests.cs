using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tasks.Synthetic.Coverage;
using SweLego.Tasks.Harness;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Synthetic.Coverage;

/// <summary>Real pytest runs with the coverage plugin in a bwrap session (Debian's python3, which has pytest).</summary>
public sealed class TestCoverageTests : IDisposable
{
    private const string Pytest = "/usr/bin/python3 -m pytest -rA -p no:cacheprovider";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly TempDirectory _repo = new("swelego-coverage-");

    [Fact]
    public async Task CollectAsync_SmallRepository_ExactMap()
    {
        WriteShapes();
        await using var session = await StartAsync();

        var result = await TestCoverage.CollectAsync(session, Pytest, ["test_shapes.py"], Timeout);

        Assert.True(result.Succeeded, result.Problem + "\n" + result.LogTail);
        var map = result.Map;
        Assert.Equal(
            [
                "test_shapes.py::test_add",
                "test_shapes.py::test_double",
                "test_shapes.py::test_double_fails",
                "test_shapes.py::test_nothing",
            ],
            map.Tests.Keys);
        Assert.Equal(Keys("Counter.__init__", "Counter.add", "Counter.add.<locals>.clamp", "Counter.zero"), Names(map, "test_shapes.py::test_add"));
        Assert.Equal(Keys("double", "logged.<locals>.wrapper"), Names(map, "test_shapes.py::test_double"));
        Assert.Equal(Keys("double", "logged.<locals>.wrapper"), Names(map, "test_shapes.py::test_double_fails"));
        Assert.Empty(map.FunctionsExecutedBy("test_shapes.py::test_nothing"));
        Assert.Equal(
            Keys("Counter.__init__", "Counter.add", "Counter.add.<locals>.clamp", "Counter.zero", "double", "logged.<locals>.wrapper"),
            map.CoveredFunctions);
        Assert.Equal(["test_shapes.py::test_double", "test_shapes.py::test_double_fails"], map.TestsCovering(Key("double")));
        Assert.Empty(map.TestsCovering(Key("unused")));
        Assert.False(map.Covers(Key("logged"))); // runs at import (collection), not in a test
        Assert.DoesNotContain(map.CoveredFunctions, f => f.File != "shapes/core.py"); // test module and conftest left out
    }

    [Fact]
    public async Task CollectAsync_FailingTest_StillCoveredWithStatus()
    {
        WriteShapes();
        await using var session = await StartAsync();

        var result = await TestCoverage.CollectAsync(session, Pytest, [], Timeout);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(TestStatus.Failed, result.Map.Statuses["test_shapes.py::test_double_fails"]);
        Assert.Equal(TestStatus.Passed, result.Map.Statuses["test_shapes.py::test_double"]);
        Assert.Equal(Keys("double", "logged.<locals>.wrapper"), Names(result.Map, "test_shapes.py::test_double_fails"));
    }

    [Fact]
    public async Task CollectAsync_FunctionRunInThread_Covered()
    {
        WriteShapes();
        File.WriteAllText(_repo.Combine("test_threads.py"), """
            import threading

            from shapes.core import Counter, double


            def test_in_thread():
                results = []
                thread = threading.Thread(target=lambda: results.append(double(2)))
                thread.start()
                thread.join()
                assert results == [4]

            """.ReplaceLineEndings("\n"));
        await using var session = await StartAsync();

        var result = await TestCoverage.CollectAsync(session, Pytest, ["test_threads.py"], Timeout);

        Assert.True(result.Succeeded, result.Problem + "\n" + result.LogTail);
        Assert.Equal(Keys("double", "logged.<locals>.wrapper"), Names(result.Map, "test_threads.py::test_in_thread"));
    }

    [Fact]
    public async Task CollectAsync_CollectionError_FailureWithReason()
    {
        WriteShapes();
        File.WriteAllText(_repo.Combine("test_broken.py"), "import no_such_module_swelego\n\ndef test_x():\n    pass\n");
        await using var session = await StartAsync();

        var result = await TestCoverage.CollectAsync(session, Pytest, ["test_broken.py", "test_shapes.py"], Timeout);

        Assert.False(result.Succeeded);
        Assert.Null(result.Map);
        Assert.Contains("collection error", result.Problem, StringComparison.Ordinal);
        Assert.Contains("no_such_module_swelego", result.LogTail, StringComparison.Ordinal);
        Assert.Equal(TestRunProblem.CollectionError, result.Run.Outcome.Problem);
        Assert.Equal(["swelego_coverage.py"], Directory.GetFiles(_repo.Combine(".git", "swelego")).Select(Path.GetFileName)); // no output left
    }

    [Fact]
    public async Task CollectAsync_SessionAfterwards_EnvironmentUnchangedAndNoOutputLeft()
    {
        WriteShapes();
        await using var session = await StartAsync();

        var result = await TestCoverage.CollectAsync(session, Pytest, ["test_shapes.py"], Timeout);
        var variables = await session.ExecAsync("echo \"[${PYTHONPATH-unset}] [${SWELEGO_COVERAGE_OUTPUT-unset}]\"");

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal("[unset] [unset]", variables.Output.Trim());
        Assert.Equal(["swelego_coverage.py"], Directory.GetFiles(_repo.Combine(".git", "swelego")).Select(Path.GetFileName));
    }

    private async Task<ISandboxSession> StartAsync() =>
        await new BwrapBackend().StartAsync(new SandboxSpec
        {
            HostWorkspace = _repo.Path,
            Environment = new Dictionary<string, string> { ["PYTHONDONTWRITEBYTECODE"] = "1" },
        });

    private static IReadOnlyList<FunctionKey> Names(CoverageMap map, string test) =>
        [.. map.FunctionsExecutedBy(test).OrderBy(f => f.QualifiedName, StringComparer.Ordinal)];

    private static FunctionKey Key(string name) => new("shapes/core.py", name);

    private static IReadOnlyList<FunctionKey> Keys(params string[] names) => [.. names.Select(Key)];

    private void WriteShapes()
    {
        Directory.CreateDirectory(_repo.Combine("shapes"));
        File.WriteAllText(_repo.Combine("shapes", "__init__.py"), "");
        File.WriteAllText(_repo.Combine("shapes", "core.py"), """
            import functools


            def logged(func):
                @functools.wraps(func)
                def wrapper(*args, **kwargs):
                    return func(*args, **kwargs)
                return wrapper


            @logged
            def double(x):
                return x * 2


            class Counter:
                def __init__(self):
                    self.count = 0

                def add(self, n):
                    def clamp(v):
                        return max(v, 0)
                    self.count += clamp(n)
                    return self.count

                @staticmethod
                def zero():
                    return 0


            def unused():
                return 1

            """.ReplaceLineEndings("\n"));
        File.WriteAllText(_repo.Combine("conftest.py"), """
            import pytest


            @pytest.fixture
            def start():
                return 0

            """.ReplaceLineEndings("\n"));
        File.WriteAllText(_repo.Combine("test_shapes.py"), """
            from shapes.core import Counter, double


            def helper():
                return 3


            def test_double():
                assert double(helper()) == 6


            def test_add(start):
                counter = Counter()
                assert counter.add(-2) == Counter.zero() + start


            def test_double_fails():
                assert double(1) == 3


            def test_nothing():
                assert True

            """.ReplaceLineEndings("\n"));
    }

    public void Dispose() => _repo.Dispose();
}
