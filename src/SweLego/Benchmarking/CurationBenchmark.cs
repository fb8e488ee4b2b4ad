using System.Diagnostics;
using System.Globalization;
using SweLego.Curation;
using SweLego.Runs;

namespace SweLego.Benchmarking;

/// <summary>
/// The scale benchmark of curation (issue 13): a generated run of realistic trajectories (<see cref="CurationCorpus"/>),
/// then <c>swelego curate</c> and <c>swelego export --format llamafactory</c> on it, each as its own process exactly as a
/// user runs them, timed by wall clock with the process's peak resident memory (VmHWM, sampled every 50 ms until it
/// exits). Targets: curate + export under 5 minutes and each under 2 GB on a 2-core machine.
/// </summary>
public static class CurationBenchmark
{
    public const double TargetSeconds = 300;

    public const double TargetMebibytes = 2048;

    /// <param name="command">How to start this CLI: the executable and the arguments before the verb.</param>
    public static async Task<CurationBenchmarkReport> RunAsync(
        string runDirectory, int count, int seed, IReadOnlyList<string> command, string? tokenizer, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var run = RunFolder.OpenOrCreate(runDirectory);
        var clock = Stopwatch.StartNew();
        progress?.Report($"generating {count} trajectories in {run.DirectoryPath}");
        long bytes = CurationCorpus.Generate(run, count, seed, new Progress<int>(n => progress?.Report($"generated {n}")), cancellationToken);
        double generateSeconds = clock.Elapsed.TotalSeconds;

        string[] tokenizerArgs = tokenizer is null ? [] : ["--tokenizer", tokenizer];
        progress?.Report("swelego curate");
        var curate = await MeasureAsync(command, ["curate", run.DirectoryPath, "--instances", Path.Combine(run.DirectoryPath, CurationCorpus.InstancesFile), "--rerun", .. tokenizerArgs], cancellationToken);
        progress?.Report("swelego export --format llamafactory");
        var export = await MeasureAsync(command, ["export", run.DirectoryPath, "--format", "llamafactory"], cancellationToken);
        var report = CurationStage.ReadReport(run);
        return new CurationBenchmarkReport(count, bytes, generateSeconds, report.Kept, report.Tokens, curate, export, Environment.ProcessorCount);
    }

    private static async Task<MeasuredProcess> MeasureAsync(IReadOnlyList<string> command, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in command.Skip(1).Concat(arguments)) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResidentBytes(process.Id));
            try { await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromMilliseconds(50), cancellationToken); }
            catch (TimeoutException) { /* sample again */ }
        }

        await process.WaitForExitAsync(cancellationToken);
        double seconds = clock.Elapsed.TotalSeconds;
        string text = await output, error = await errors;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`{string.Join(' ', arguments)}` exited with {process.ExitCode}: {(error.Trim().Length > 0 ? error.Trim() : text.Trim())}");
        return new MeasuredProcess(string.Join(' ', arguments.Take(1)), seconds, peak / (1024.0 * 1024.0));
    }

    // VmHWM: the process's peak resident set so far (0 once it is gone).
    private static long PeakResidentBytes(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                string kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException) { /* exited meanwhile */ }

        return 0;
    }
}

/// <summary>One measured command: wall seconds and peak resident memory in MiB.</summary>
public sealed record MeasuredProcess(string Command, double Seconds, double PeakMebibytes);

/// <summary><c>bench/curate.json</c>: the generated run's size, the kept records and their tokens, and the two measured commands.</summary>
public sealed record CurationBenchmarkReport(
    int Trajectories, long TrajectoryBytes, double GenerateSeconds, int Kept, TokenCounts Tokens, MeasuredProcess Curate, MeasuredProcess Export, int Cores) : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public double TotalSeconds => Curate.Seconds + Export.Seconds;

    public bool MeetsTargets => TotalSeconds < CurationBenchmark.TargetSeconds
        && Math.Max(Curate.PeakMebibytes, Export.PeakMebibytes) < CurationBenchmark.TargetMebibytes;
}
