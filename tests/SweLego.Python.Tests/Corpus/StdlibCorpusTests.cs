using System.Diagnostics;
using System.Text.Json;
using SweLego.Python.Tests.TestSupport;
using Xunit.Abstractions;

namespace SweLego.Python.Tests.Corpus;

/// <summary>
/// The acceptance test: every .py file under the stdlib of the python3 on PATH (site-packages
/// included), checked against CPython's own ast computed in this run by ast_oracle.py; then the
/// same for every 3.12+ interpreter the machine has (PEP 695/701 syntax, 3.13's grammar).
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class StdlibCorpusTests(ITestOutputHelper output)
{
    private sealed record Expected(string Path, bool Accepted, string? Error, List<string> Definitions);

    [Fact]
    public async Task Parse_StdlibOfPython3OnPath_AgreesWithCPythonAst()
    {
        Assert.True(Python3.OnPath.IsAvailable, "python3 must be on PATH: it is the oracle");
        await CheckStdlibAsync(Python3.OnPath);
    }

    [Fact]
    public async Task Parse_StdlibOfEveryNewerPython_AgreesWithItsAst()
    {
        output.WriteLine(Python3.Newer.Count == 0
            ? "no CPython 3.12+ on this machine (python3.N on PATH or pyenv versions): nothing to compare"
            : "newer interpreters: " + string.Join(", ", Python3.Newer));
        foreach (var python in Python3.Newer)
        {
            await CheckStdlibAsync(python);
        }
    }

    private async Task CheckStdlibAsync(Python3 python)
    {
        string root = python.StdlibPath;
        var clock = Stopwatch.StartNew();
        var expected = await RunOracleAsync(python, root, Math.Max(2, Environment.ProcessorCount));
        var oracleTime = clock.Elapsed;

        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        int accepted = 0, rejected = 0;
        long bytes = 0;
        clock.Restart();
        Parallel.ForEach(expected, file =>
        {
            byte[] data = File.ReadAllBytes(file.Path);
            Interlocked.Add(ref bytes, data.Length);
            ParsedModule module;
            try
            {
                module = PythonSource.Parse(data, file.Path);
            }
            catch (Exception e)
            {
                failures.Enqueue($"crash {file.Path}: {e}");
                return;
            }

            if (!module.ToBytes().AsSpan().SequenceEqual(data))
            {
                failures.Enqueue($"round-trip mismatch {file.Path}");
            }

            if (!file.Accepted)
            {
                Interlocked.Increment(ref rejected);
                if (!module.HasErrors)
                {
                    failures.Enqueue($"accepted what CPython rejects ({file.Error}): {file.Path}");
                }

                return;
            }

            Interlocked.Increment(ref accepted);
            if (module.HasErrors)
            {
                failures.Enqueue($"rejected valid file {file.Path}: {module.Diagnostics[0]}");
                return;
            }

            var actual = module.Definitions
                .OrderBy(d => d.Range.StartLine).ThenBy(d => d.Range.StartColumn)
                .Select(d => $"{d.Kind} {d.QualifiedName} {d.Range.StartLine}:{d.Range.StartColumn}-{d.Range.EndLine}:{d.Range.EndColumn}")
                .ToList();
            if (!actual.SequenceEqual(file.Definitions))
            {
                var missing = file.Definitions.Except(actual).Take(3);
                var extra = actual.Except(file.Definitions).Take(3);
                failures.Enqueue($"definitions differ in {file.Path}: expected [{string.Join(", ", missing)}] got [{string.Join(", ", extra)}]");
            }
        });
        var parseTime = clock.Elapsed;

        output.WriteLine($"root={root} python={python.PythonVersion}");
        output.WriteLine($"files={expected.Count} accepted={accepted} rejected={rejected} bytes={bytes} failures={failures.Count}");
        output.WriteLine($"oracle {oracleTime.TotalSeconds:F1} s, SweLego.Python (parse + round trip + definitions) {parseTime.TotalSeconds:F1} s");
        Assert.True(expected.Count > 0, "the oracle listed no files");
        Assert.True(failures.IsEmpty, $"{python}:\n" + string.Join("\n", failures.Take(30)));
    }

    private static async Task<List<Expected>> RunOracleAsync(Python3 python, string root, int shards)
    {
        string script = Python3.ScriptPath("Corpus/ast_oracle.py");
        var runs = Enumerable.Range(0, shards)
            .Select(shard => Task.Run(() => python.Run(
                [script, root, shard.ToString(System.Globalization.CultureInfo.InvariantCulture), shards.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                null,
                TimeSpan.FromMinutes(10))))
            .ToList();
        var result = new List<Expected>();
        foreach (var run in await Task.WhenAll(runs))
        {
            Assert.True(run.ExitCode == 0, "ast_oracle.py failed: " + run.Stderr);
            foreach (string line in run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var json = JsonDocument.Parse(line);
                var element = json.RootElement;
                bool ok = element.GetProperty("ok").GetBoolean();
                var definitions = ok
                    ? element.GetProperty("defs").EnumerateArray()
                        .Select(d => $"{d[0].GetString()} {d[1].GetString()} {d[2].GetInt32()}:{d[3].GetInt32()}-{d[4].GetInt32()}:{d[5].GetInt32()}")
                        .ToList()
                    : [];
                result.Add(new Expected(element.GetProperty("path").GetString()!, ok, ok ? null : element.GetProperty("error").GetString(), definitions));
            }
        }

        return result;
    }
}
