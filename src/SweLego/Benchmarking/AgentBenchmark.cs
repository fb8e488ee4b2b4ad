using System.Diagnostics;
using SweLego.Agent;
using SweLego.Agent.Protocol;
using SweLego.Agent.Scripted;
using SweLego.Agent.Tools;
using SweLego.Agent.Trajectories;
using SweLego.Models;
using SweLego.Runs;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;

namespace SweLego.Benchmarking;

/// <summary>
/// What the agent adds per step: the real loop (HTTP client, text protocol, tool dispatch, observation, the trajectory
/// saved atomically after every step) against an instant scripted model on loopback, each step one <c>execute_bash</c>
/// of a trivial command in a warm bwrap session. The baseline, measured in the same run on the same session, is the
/// sandbox round trip of that command alone; overhead = step time − the baseline's median. Then many rollouts at once,
/// each in its own session, to show they complete without errors, with the process's peak memory.
/// </summary>
public static class AgentBenchmark
{
    /// <summary>The bound on the median overhead per step, in milliseconds.</summary>
    public const double TargetMilliseconds = 5;

    private const string Command = "echo ok";

    public static async Task<AgentBenchmarkReport> RunAsync(AgentBenchmarkOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var folder = new BenchmarkDirectory();
        await using var server = await ScriptedModelServer.StartAsync("scripted-bench", messages =>
            messages.Count(m => m.Role == "assistant") < Steps(messages) ? Call("execute_bash", "command", Command) : Call("finish", "message", "done"), cancellationToken);
        var model = new ModelClient(new ModelClientOptions { Endpoint = server.Endpoint, Model = server.Model });
        var backend = new BwrapBackend(new BwrapOptions());

        progress?.Report("baseline and per-step overhead");
        var baseline = new List<double>();
        var overhead = new List<double>();
        var stepTimes = new List<double>();
        await using (var session = await backend.StartAsync(Spec(folder, "single"), cancellationToken))
        {
            await RoundTripsAsync(session, options.Steps / 2, baseline, cancellationToken);
            var times = await RolloutAsync(session, model, options.Steps, Path.Combine(folder.Path, "single.json"), cancellationToken);
            await RoundTripsAsync(session, options.Steps / 2, baseline, cancellationToken);
            double median = BenchmarkStats.Percentile(baseline, 0.5);
            stepTimes.AddRange(times.Steps);
            overhead.AddRange(times.Steps.Skip(1).Select(s => s - median));
        }

        progress?.Report($"{options.Concurrent} rollouts at once");
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, options.Concurrent).Select(async i =>
        {
            try
            {
                await using var session = await backend.StartAsync(Spec(folder, $"c{i}"), cancellationToken);
                var result = await RolloutAsync(session, model, options.ConcurrentSteps, Path.Combine(folder.Path, $"c{i}.json"), cancellationToken);
                return result.Status == RolloutStatus.Finished ? null : $"rollout {i}: {result.Status}";
            }
            catch (Exception e) when (e is SandboxException or IOException or InvalidOperationException)
            {
                return $"rollout {i}: {e.Message}";
            }
        }));
        var errors = outcomes.OfType<string>().ToList();
        return new AgentBenchmarkReport
        {
            Steps = options.Steps, ProcessorCount = Environment.ProcessorCount,
            BaselineMedianMs = BenchmarkStats.Percentile(baseline, 0.5), BaselineP90Ms = BenchmarkStats.Percentile(baseline, 0.9),
            StepMedianMs = BenchmarkStats.Percentile(stepTimes, 0.5), StepP90Ms = BenchmarkStats.Percentile(stepTimes, 0.9),
            OverheadMedianMs = BenchmarkStats.Percentile(overhead, 0.5), OverheadP90Ms = BenchmarkStats.Percentile(overhead, 0.9),
            Concurrent = options.Concurrent, ConcurrentSteps = options.ConcurrentSteps, ConcurrentSeconds = clock.Elapsed.TotalSeconds,
            ConcurrentErrors = errors, PeakMemoryMiB = PeakResidentMiB(),
        };
    }

    // The number of steps is told in the instruction, so one server serves rollouts of different lengths.
    private static int Steps(IReadOnlyList<(string Role, string Content)> messages) =>
        int.Parse(messages.First(m => m.Role == "user").Content.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

    private static SandboxSpec Spec(BenchmarkDirectory folder, string name)
    {
        string workspace = Directory.CreateDirectory(Path.Combine(folder.Path, name)).FullName;
        return new SandboxSpec { HostWorkspace = workspace };
    }

    private static async Task RoundTripsAsync(ISandboxSession session, int count, List<double> samples, CancellationToken cancellationToken)
    {
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            var result = await session.ExecAsync(Command, null, cancellationToken);
            if (result.ExitCode != 0) throw new InvalidOperationException($"'{Command}' failed in the sandbox: {result.Output}");
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    /// <summary>One episode of <paramref name="steps"/> bash calls and a finish; returns each step's wall time (ms).</summary>
    private static async Task<(RolloutStatus Status, List<double> Steps)> RolloutAsync(
        ISandboxSession session, ModelClient model, int steps, string file, CancellationToken cancellationToken)
    {
        var tools = AgentTools.Create(session, new ExecuteBashOptions());
        var loop = new AgentLoop(model, new TextToolProtocol(), tools, new AgentOptions { MaxTurns = steps + 1 });
        var times = new List<double>();
        long last = Stopwatch.GetTimestamp();
        var start = new Trajectory
        {
            InstanceId = "bench", RolloutId = "0", Repo = "bench/bench", Model = model.Model, Protocol = "text", Tools = [.. tools.Select(t => t.Definition.Name)],
            BaseCommit = "", Settings = new TrajectorySettings(steps + 1, null, null, null, null, null), Status = RolloutStatus.Running,
            StartedAt = DateTimeOffset.UtcNow, Messages = [], Steps = [],
        };
        var result = await loop.RunAsync(start, $"Run {steps} commands.", trajectory =>
        {
            AtomicFile.WriteJson(file, trajectory, RunJson.Options);
            times.Add(Stopwatch.GetElapsedTime(last).TotalMilliseconds);
            last = Stopwatch.GetTimestamp();
            return Task.CompletedTask;
        }, cancellationToken);
        return (result.Status, times.Take(steps).ToList());
    }

    private static string Call(string name, string parameter, string value) =>
        $"Step.\n\n<function={name}>\n<parameter={parameter}>{value}</parameter>\n</function>";

    /// <summary>This process's peak resident memory (VmHWM), in MiB; the sandboxes' own memory is not in it.</summary>
    private static double PeakResidentMiB()
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}

/// <summary>How many steps the benchmark measures and how many rollouts it runs at once.</summary>
public sealed record AgentBenchmarkOptions
{
    public int Steps { get; init; } = 200;

    public int Concurrent { get; init; } = 16;

    public int ConcurrentSteps { get; init; } = 20;
}

/// <summary>The agent benchmark's figures (milliseconds unless named otherwise).</summary>
public sealed record AgentBenchmarkReport
{
    public required int Steps { get; init; }

    public required int ProcessorCount { get; init; }

    public required double BaselineMedianMs { get; init; }

    public required double BaselineP90Ms { get; init; }

    public required double StepMedianMs { get; init; }

    public required double StepP90Ms { get; init; }

    public required double OverheadMedianMs { get; init; }

    public required double OverheadP90Ms { get; init; }

    public double TargetMs { get; init; } = AgentBenchmark.TargetMilliseconds;

    public required int Concurrent { get; init; }

    public required int ConcurrentSteps { get; init; }

    public required double ConcurrentSeconds { get; init; }

    public required IReadOnlyList<string> ConcurrentErrors { get; init; }

    public required double PeakMemoryMiB { get; init; }
}
