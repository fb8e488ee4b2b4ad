namespace SweLego.Python.Benchmarks;

/// <summary>Parser throughput on a set of files, single-threaded and on <see cref="Threads"/> threads.</summary>
public sealed record ParserBenchmarkResult(int Files, long Bytes, int Threads, Throughput SingleThreaded, Throughput MultiThreaded)
{
    /// <summary>How many times faster than a baseline (e.g. CPython's <c>ast.parse</c>) single-threaded parsing is.</summary>
    public double RatioTo(CPythonBaselineResult baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return baseline.BytesPerSecond > 0 ? SingleThreaded.BytesPerSecond / baseline.BytesPerSecond : double.NaN;
    }
}
