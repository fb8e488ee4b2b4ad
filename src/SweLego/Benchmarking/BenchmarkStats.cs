namespace SweLego.Benchmarking;

/// <summary>Shared arithmetic of the benchmarks.</summary>
internal static class BenchmarkStats
{
    /// <summary>The nearest-rank percentile (<paramref name="fraction"/> 0.5 = median) of a non-empty sample.</summary>
    public static double Percentile(IReadOnlyList<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(fraction * sorted.Count))];
    }
}

/// <summary>A temporary folder a benchmark works in, deleted with everything in it.</summary>
internal sealed class BenchmarkDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("swelego-bench-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
