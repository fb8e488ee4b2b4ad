using System.Diagnostics;

namespace SweLego.Benchmarking;

/// <summary>
/// The baseline of the benchmarks that measure what a stage costs beyond its test runs: the same
/// test files run directly on the host with <c>python3 -m pytest -rA</c> in a plain checkout (no
/// sandbox, no git, no bookkeeping), timed from process start to exit.
/// </summary>
internal static class RawTestRuns
{
    public static async Task<TimeSpan> PytestAsync(string python, string checkout, List<string> files, int runs, CancellationToken cancellationToken)
    {
        var total = TimeSpan.Zero;
        for (int i = 0; i < runs; i++)
        {
            var info = new ProcessStartInfo(python, ["-m", "pytest", "-rA", .. files])
            {
                WorkingDirectory = checkout,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
            info.Environment["PYTHONPATH"] = Directory.Exists(Path.Combine(checkout, "src")) ? $"{checkout}/src:{checkout}" : checkout;
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"{python} did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await Task.WhenAll(stdout, stderr, process.WaitForExitAsync(cancellationToken));
            total += clock.Elapsed;
        }

        return total;
    }
}
