using System.Diagnostics;
using SweLego.Sandboxes;

namespace SweLego.Benchmarking;

/// <summary>
/// Round trip of a trivial command on a warm session per backend, next to a plain
/// persistent bash measured in the same run. Samples alternate between the contenders so
/// a busy machine slows them all alike; the ratio of medians is the result. Session start
/// (until the shell answers) is timed too, as the median of a few cold starts.
/// </summary>
public static class SandboxBenchmark
{
    private const int StartSamples = 5;

    /// <summary>Ratios the issue asks for: bwrap at most 1.5×, docker at most 5× the baseline.</summary>
    public static IReadOnlyDictionary<string, double> Targets { get; } = new Dictionary<string, double>
    {
        [SandboxBackends.Bwrap] = 1.5,
        [SandboxBackends.Docker] = 5.0,
    };

    public static async Task<SandboxBenchmarkReport> RunAsync(
        IReadOnlyList<string> backends, SandboxBenchmarkOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        using var workspace = new BenchmarkDirectory();
        var spec = new SandboxSpec { HostWorkspace = workspace.Path };
        var sessions = new List<ISandboxSession>();
        var starts = new List<double?> { null };
        await using var baseline = RawBashBaseline.Start();
        try
        {
            foreach (string name in backends)
            {
                var backend = SandboxBackends.Create(name, options.DockerEndpoint);
                var startTimes = new List<double>();
                for (int i = 0; i <= StartSamples; i++)
                {
                    long start = Stopwatch.GetTimestamp();
                    var session = await backend.StartAsync(spec, cancellationToken);
                    // The first start may prepare things once (a root file system); it is not a sample.
                    if (i > 0) startTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    if (i < StartSamples) await session.DisposeAsync();
                    else sessions.Add(session);
                }

                starts.Add(BenchmarkStats.Percentile(startTimes, 0.5));
            }

            var contenders = new List<(string Name, Func<Task> RoundTrip)> { ("bash (baseline)", () => baseline.RoundTripAsync(options.Command, cancellationToken)) };
            contenders.AddRange(sessions.Select(s => (s.Backend, (Func<Task>)(() => RoundTripAsync(s, options.Command, cancellationToken)))));
            var samples = contenders.Select(_ => new List<double>(options.Iterations)).ToList();
            int total = options.Warmup + options.Iterations;
            for (int i = 0; i < total; i++)
            {
                for (int c = 0; c < contenders.Count; c++)
                {
                    long start = Stopwatch.GetTimestamp();
                    await contenders[c].RoundTrip();
                    if (i >= options.Warmup) samples[c].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }

                if (i % 50 == 0) progress?.Report((double)i / total);
            }

            progress?.Report(1);
            double baselineMedian = BenchmarkStats.Percentile(samples[0], 0.5);
            var rows = contenders.Select((c, index) => new SandboxBenchmarkRow(
                c.Name, BenchmarkStats.Percentile(samples[index], 0.5), BenchmarkStats.Percentile(samples[index], 0.9), samples[index].Average(),
                BenchmarkStats.Percentile(samples[index], 0.5) / baselineMedian, index == 0 ? null : Targets.GetValueOrDefault(c.Name))
            {
                StartMilliseconds = starts[index],
            }).ToList();
            return new SandboxBenchmarkReport(options.Command, options.Iterations, Environment.ProcessorCount, rows);
        }
        finally
        {
            foreach (var session in sessions) await session.DisposeAsync();
        }
    }

    private static async Task RoundTripAsync(ISandboxSession session, string command, CancellationToken cancellationToken)
    {
        var result = await session.ExecAsync(command, null, cancellationToken);
        if (result.ExitCode != 0) throw new InvalidOperationException($"The benchmark command failed in {session.Backend}: {result.Output}");
    }
}
