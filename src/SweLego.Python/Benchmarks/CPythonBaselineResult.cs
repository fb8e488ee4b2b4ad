namespace SweLego.Python.Benchmarks;

/// <summary>
/// CPython's <c>ast.parse</c> throughput on the same files. An unavailable interpreter or a failed
/// run is a value (<see cref="Success"/> false, <see cref="Error"/> says why), not an exception.
/// </summary>
public sealed record CPythonBaselineResult(bool Success, string? Error, string? PythonVersion, int Files, long Bytes, double Seconds)
{
    public double BytesPerSecond => Success && Seconds > 0 ? Bytes / Seconds : 0;

    public double MegabytesPerSecond => BytesPerSecond / 1e6;

    internal static CPythonBaselineResult Failed(string error) => new(false, error, null, 0, 0, 0);
}
