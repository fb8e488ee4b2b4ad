namespace SweLego.Python.Benchmarks;

/// <summary>
/// Measures <see cref="PythonSource.Parse(ReadOnlySpan{byte}, string?)"/> throughput (decode,
/// tokenize, build the lossless tree) on files held in memory, so disk speed does not count.
/// </summary>
public static class ParserBenchmark
{
    public static ParserBenchmarkResult Run(IReadOnlyList<string> files, ParserBenchmarkOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Run([.. files.Select(File.ReadAllBytes)], options, cancellationToken);
    }

    public static ParserBenchmarkResult Run(IReadOnlyList<byte[]> sources, ParserBenchmarkOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= new ParserBenchmarkOptions();
        options.Validate();
        long bytes = sources.Sum(s => (long)s.Length);
        if (options.Warmup)
        {
            ParseAll(sources, 1, cancellationToken);
        }

        var single = Measure(sources, 1, bytes, options, cancellationToken);
        var multi = Measure(sources, options.Threads, bytes, options, cancellationToken);
        return new ParserBenchmarkResult(sources.Count, bytes, options.Threads, single, multi);
    }

    private static Throughput Measure(IReadOnlyList<byte[]> sources, int threads, long bytes, ParserBenchmarkOptions options, CancellationToken cancellationToken)
    {
        double best = double.MaxValue;
        for (int i = 0; i < options.Iterations; i++)
        {
            long started = options.TimeProvider.GetTimestamp();
            ParseAll(sources, threads, cancellationToken);
            best = Math.Min(best, options.TimeProvider.GetElapsedTime(started).TotalSeconds);
        }

        return new Throughput(best, best > 0 ? bytes / best : double.PositiveInfinity);
    }

    private static void ParseAll(IReadOnlyList<byte[]> sources, int threads, CancellationToken cancellationToken)
    {
        if (threads == 1)
        {
            foreach (var source in sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                PythonSource.Parse(source);
            }

            return;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.ForEach(sources, parallel, source => PythonSource.Parse(source));
    }
}
