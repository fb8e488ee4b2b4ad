using SweLego.Runs;

namespace SweLego.Benchmarking;

/// <summary>One parser benchmark run, as written to <c>bench/parser.json</c> in the run folder (throughputs in MB/s).</summary>
public sealed record ParserBenchmarkReport(
    string Corpus, int Files, long Bytes, int Threads, double SingleThreadedMegabytesPerSecond, double MultiThreadedMegabytesPerSecond,
    double CPythonMegabytesPerSecond, string? CPythonVersion, double SingleThreadedRatio) : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;
}
