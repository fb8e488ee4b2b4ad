namespace SweLego.Python.Benchmarks;

/// <summary>Bytes parsed per second in the fastest of the timed passes.</summary>
public sealed record Throughput(double Seconds, double BytesPerSecond)
{
    public double MegabytesPerSecond => BytesPerSecond / 1e6;

    public override string ToString() => $"{MegabytesPerSecond:F1} MB/s ({Seconds:F2} s)";
}
