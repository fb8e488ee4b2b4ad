using System.Diagnostics;
using SweLego.Python;
using SweLego.Python.Syntax;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tasks.Synthetic.Coverage;
using SweLego.Tasks.Harness;
using SweLego.Tests.TestSupport;
using Xunit.Abstractions;

namespace SweLego.Tests.Tasks.Synthetic.Coverage;

/// <summary>
/// The sample library's 82 tests with the coverage plugin: every tally function a test calls
/// directly (found in the test's source) is in that test's coverage. Prints the plain and the
/// coverage run's durations (not asserted).
/// </summary>
public sealed class TallyCoverageTests(ITestOutputHelper output) : IDisposable
{
    private const string Pytest = "/usr/bin/python3 -m pytest -rA -p no:cacheprovider";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly TempDirectory _repo = new("swelego-coverage-tally-");

    [Fact]
    public async Task CollectAsync_Tally_EveryDirectlyCalledFunctionCovered()
    {
        Copy(SampleHistory.FinalTreeDirectory, _repo.Path);
        await using var session = await new BwrapBackend().StartAsync(new SandboxSpec
        {
            HostWorkspace = _repo.Path,
            Environment = new Dictionary<string, string> { ["PYTHONPATH"] = _repo.Path, ["PYTHONDONTWRITEBYTECODE"] = "1" },
        });

        // Alternating runs, so a load spike on the shared machine hits both kinds alike.
        var plainRuns = new List<TestRunResult>();
        var coverageRuns = new List<(CoverageResult Result, TimeSpan Total)>();
        for (int i = 0; i < 3; i++)
        {
            plainRuns.Add(await SandboxTestRunner.RunAsync(session, Pytest, [], TestLogParsers.Get("pytest"), Timeout));
            var clock = Stopwatch.StartNew();
            var collected = await TestCoverage.CollectAsync(session, Pytest, [], Timeout);
            coverageRuns.Add((collected, clock.Elapsed));
        }

        var result = coverageRuns[^1].Result;
        var plain = plainRuns[^1];
        Assert.True(result.Succeeded, result.Problem + "\n" + result.LogTail);
        var map = result.Map;
        output.WriteLine($"plain runs: {Seconds(plainRuns.Select(r => r.Duration))}");
        output.WriteLine($"coverage runs (pytest): {Seconds(coverageRuns.Select(r => r.Result.Run.Duration))}");
        output.WriteLine($"coverage runs (with plugin upload, read-back and mapping): {Seconds(coverageRuns.Select(r => r.Total))}");
        output.WriteLine($"{map.Tests.Count} tests, {map.CoveredFunctions.Count} functions covered");
        Assert.Equal(82, plain.Outcome.Statuses.Count);
        Assert.Equal(plain.Outcome.Statuses.Keys.Order(StringComparer.Ordinal), map.Tests.Keys);
        Assert.All(map.Statuses, s => Assert.Equal(plain.Outcome.Statuses[s.Key], s.Value));
        Assert.Contains("tests/test_stats.py::test_median_even", map.TestsCovering(new FunctionKey("tally/stats.py", "median")));
        Assert.Contains(new FunctionKey("tally/stats.py", "_require_data"), map.FunctionsExecutedBy("tests/test_stats.py::test_median_even"));
        Assert.Contains(new FunctionKey("tally/inventory.py", "Inventory._check_quantity"), map.FunctionsExecutedBy("tests/test_inventory.py::test_add_creates_item"));
        Assert.DoesNotContain(map.CoveredFunctions, f => f.File.StartsWith("tests/", StringComparison.Ordinal));

        var expected = DirectCalls(_repo.Path);
        output.WriteLine($"{expected.Count} (test, function) pairs from the tests' own calls");
        Assert.True(expected.Count > 80, $"only {expected.Count} direct calls found");
        var missing = expected.Where(e => !map.FunctionsExecutedBy(e.Test).Contains(e.Function)).Select(e => $"{e.Test} → {e.Function}").ToList();
        Assert.Empty(missing);
    }

    /// <summary>
    /// Every (test, tally function) where the test's body calls a function imported from tally
    /// (<c>median(...)</c>), a class (its <c>__init__</c>) or a method of such a class by name (<c>inventory.add(...)</c>).
    /// </summary>
    private static List<(string Test, FunctionKey Function)> DirectCalls(string root)
    {
        var pairs = new List<(string, FunctionKey)>();
        foreach (string path in Directory.GetFiles(Path.Combine(root, "tests"), "test_*.py").Order(StringComparer.Ordinal))
        {
            var module = PythonSource.ParseFile(path);
            var imported = new Dictionary<string, FunctionKey>(StringComparer.Ordinal); // called name → function
            var methods = new Dictionary<string, FunctionKey>(StringComparer.Ordinal);
            foreach (var import in module.Root.DescendantNodes().OfType<ImportFromStatementSyntax>())
            {
                if (import.ModuleName?.Value is not { } name || !name.StartsWith("tally.", StringComparison.Ordinal)) continue;
                string file = name.Replace('.', '/') + ".py";
                var library = PythonSource.ParseFile(Path.Combine(root, file));
                foreach (string imported1 in import.Names.Select(n => n.Name.Value))
                {
                    if (library.Functions.FirstOrDefault(f => f.Parent is null && f.Name == imported1) is { } function)
                        imported[imported1] = new FunctionKey(file, function.QualifiedName);
                    if (library.Classes.FirstOrDefault(c => c.Parent is null && c.Name == imported1) is { } type)
                    {
                        foreach (var method in library.Functions.Where(f => f.Parent == type))
                        {
                            if (method.Name == "__init__") imported[imported1] = new FunctionKey(file, method.QualifiedName);
                            else if (!method.Name.StartsWith('_')) methods[method.Name] = new FunctionKey(file, method.QualifiedName);
                        }
                    }
                }
            }

            string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            foreach (var test in module.Functions.Where(f => f.Parent is null && f.Name.StartsWith("test_", StringComparison.Ordinal)))
            {
                foreach (var call in test.FindAll<CallExpressionSyntax>(includeNested: true))
                {
                    FunctionKey? key = call.Function switch
                    {
                        NameExpressionSyntax name => imported.GetValueOrDefault(name.Identifier),
                        AttributeExpressionSyntax attribute => methods.GetValueOrDefault(attribute.Name),
                        _ => null,
                    };
                    if (key is not null) pairs.Add(($"{relative}::{test.Name}", key));
                }
            }
        }

        return [.. pairs.Distinct()];
    }

    private static string Seconds(IEnumerable<TimeSpan> durations) => string.Join(", ", durations.Select(d => $"{d.TotalSeconds:F2}s"));

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (string folder in Directory.GetDirectories(from))
        {
            string name = Path.GetFileName(folder);
            if (name is "__pycache__" or ".pytest_cache") continue;
            Copy(folder, Path.Combine(to, name));
        }
    }

    public void Dispose() => _repo.Dispose();
}
