using System.Text;
using SweLego.Python.Benchmarks;
using SweLego.Python.Tests.TestSupport;
using Xunit.Abstractions;

namespace SweLego.Python.Tests.Benchmarks;

[Collection(HeavyTests.Name)]
public sealed class ParserBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void Run_InMemorySources_ReportsBytesAndBothModes()
    {
        byte[] source = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("def f(a, b=1):\n    return [x for x in a if x > b]\n", 200)));
        var result = ParserBenchmark.Run([source, source], new ParserBenchmarkOptions { Iterations = 1, Threads = 2 });
        Assert.Equal(2, result.Files);
        Assert.Equal(source.Length * 2L, result.Bytes);
        Assert.True(result.SingleThreaded.BytesPerSecond > 0);
        Assert.True(result.MultiThreaded.BytesPerSecond > 0);
    }

    [Fact]
    public async Task RunAsync_CPythonBaseline_MeasuresTheSameFiles()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("a.py", Encoding.UTF8.GetBytes("def f():\n    return 1\n"));
        var baseline = await CPythonBaseline.RunAsync([file, file]);
        Assert.True(baseline.Success, baseline.Error);
        Assert.Equal(2, baseline.Files);
        Assert.Equal(44, baseline.Bytes);
        Assert.Equal(Python3.OnPath.PythonVersion, baseline.PythonVersion);
    }

    [Fact]
    public async Task RunAsync_MissingInterpreter_IsAFailureValue()
    {
        var baseline = await CPythonBaseline.RunAsync(["x.py"], python: "/nonexistent/python3");
        Assert.False(baseline.Success);
        Assert.NotNull(baseline.Error);
    }

    /// <summary>
    /// The throughput acceptance measurement over the whole stdlib. Slow (CPython alone takes
    /// ~25 s), so it only runs when SWELEGO_PARSER_BENCH=1; it prints, it does not assert timing.
    /// </summary>
    [Fact]
    public async Task Run_StdlibCorpus_PrintsThroughputAndRatioToCPython()
    {
        if (Environment.GetEnvironmentVariable("SWELEGO_PARSER_BENCH") != "1")
        {
            return;
        }

        var files = Directory.EnumerateFiles(Python3.OnPath.StdlibPath, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var ours = ParserBenchmark.Run(files);
        var cpython = await CPythonBaseline.RunAsync(files);
        Assert.True(cpython.Success, cpython.Error);
        output.WriteLine($"files={ours.Files} bytes={ours.Bytes}");
        output.WriteLine($"SweLego single-threaded: {ours.SingleThreaded}");
        output.WriteLine($"SweLego {ours.Threads} threads: {ours.MultiThreaded}");
        output.WriteLine($"CPython {cpython.PythonVersion} ast.parse: {cpython.MegabytesPerSecond:F1} MB/s ({cpython.Seconds:F2} s)");
        output.WriteLine($"ratio single-threaded: {ours.RatioTo(cpython):F1}x, multi-threaded: {ours.MultiThreaded.BytesPerSecond / cpython.BytesPerSecond:F1}x");
    }
}
