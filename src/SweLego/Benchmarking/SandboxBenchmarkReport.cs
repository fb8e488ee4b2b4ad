using SweLego.Runs;

namespace SweLego.Benchmarking;

/// <summary>One benchmark run, as written to <c>bench/sandbox.json</c> in the run folder.</summary>
public sealed record SandboxBenchmarkReport(string Command, int Iterations, int Cores, IReadOnlyList<SandboxBenchmarkRow> Rows) : IVersionedRecord
{
    public const int FormatVersion = 2;

    public int V { get; init; } = FormatVersion;
}

/// <summary>Round-trip statistics of one contender, in microseconds; <see cref="Ratio"/> is median / baseline median.</summary>
public sealed record SandboxBenchmarkRow(string Name, double MedianMicroseconds, double P90Microseconds, double MeanMicroseconds, double Ratio, double? Target)
{
    /// <summary>Median time from starting a session to its shell answering (null for the baseline).</summary>
    public double? StartMilliseconds { get; init; }

    public bool? MeetsTarget => Target is { } target ? Ratio <= target : null;
}
