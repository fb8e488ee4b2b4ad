namespace SweLego.Python.Benchmarks;

/// <summary>Options of <see cref="ParserBenchmark.Run(IReadOnlyList{string}, ParserBenchmarkOptions?, CancellationToken)"/>.</summary>
public sealed class ParserBenchmarkOptions
{
    /// <summary>Timed passes over all files per mode; the fastest counts. Default: 3; at least 1.</summary>
    public int Iterations { get; init; } = 3;

    /// <summary>Worker threads of the multi-threaded mode. Default: <see cref="Environment.ProcessorCount"/>.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Untimed pass first so the JIT has optimized the parser. Default: true.</summary>
    public bool Warmup { get; init; } = true;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1, nameof(Iterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
