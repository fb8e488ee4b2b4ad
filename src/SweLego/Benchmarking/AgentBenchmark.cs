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
/// sandbox round trip of that command alone; overhead = step time − the baseline's median − the scripted server's own time
/// for that step's request (the "model"; HTTP and the client are counted as the agent's). Then many rollouts at once,
/// each in its own session, to show they complete without errors, with the process's peak memory.
/// </summary>
public static class AgentBenchmark
{
    /// <summary>The bound on the median overhead per step, in milliseconds.</summary>
    public const double TargetMilliseconds = 5;

    private const string Command = "echo 0";

    public static async Task<AgentBenchmarkReport> RunAsync(AgentBenchmarkOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var folder = new BenchmarkDirectory();
        // Each step echoes its own number (the same command four times in a row is what the stuck detector stops).
        await using var server = await ScriptedModelServer.StartAsync("scripted-bench", messages =>
            messages.Count(m => m.Role == "assistant") is var step && step < Steps(messages)
                ? Call("execute_bash", "command", $"echo {step}") : Call("finish", "message", "done"), cancellationToken);
        var model = new ModelClient(new ModelClientOptions { Endpoint = server.Endpoint, Model = server.Model });
        var backend = new BwrapBackend(new BwrapOptions());

        progress?.Report("baseline and per-step overhead");
        var baseline = new List<double>();
        var overhead = new List<double>();
        var stepTimes = new List<double>();
        (List<double> Model, List<double> Tool, List<double> Save, List<double> Server) parts = ([], [], [], []);
        await using (var session = await backend.StartAsync(Spec(folder, "single"), cancellationToken))
        {
            await RoundTripsAsync(session, options.Steps / 2, baseline, cancellationToken);
            int served = server.ProcessingMilliseconds.Count;
            var times = await RolloutAsync(session, model, options.Steps, Path.Combine(folder.Path, "single.json"), cancellationToken);
            var serverTimes = server.ProcessingMilliseconds.Skip(served).Take(times.Steps.Count).ToList();
            await RoundTripsAsync(session, options.Steps / 2, baseline, cancellationToken);
            double median = BenchmarkStats.Percentile(baseline, 0.5);
            stepTimes.AddRange(times.Steps);
            // Not the agent's: the sandbox running the command (the baseline) and the scripted server answering (the "model").
            overhead.AddRange(times.Steps.Select((s, i) => s - median - serverTimes[i]).Skip(1));
            parts = (times.Model, times.Tool, times.Save, serverTimes);
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
            ModelMedianMs = BenchmarkStats.Percentile(parts.Model, 0.5), ToolMedianMs = BenchmarkStats.Percentile(parts.Tool, 0.5),
            SaveMedianMs = BenchmarkStats.Percentile(parts.Save, 0.5), ServerMedianMs = BenchmarkStats.Percentile(parts.Server, 0.5),
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

    /// <summary>
    /// One episode of <paramref name="steps"/> bash calls and a finish; returns each step's wall time and its parts (ms): the
    /// model call (HTTP, as the client timed it), the tool (sandbox round trips and observation) and the trajectory save.
    /// </summary>
    private static async Task<(RolloutStatus Status, List<double> Steps, List<double> Model, List<double> Tool, List<double> Save)> RolloutAsync(
        ISandboxSession session, ModelClient model, int steps, string file, CancellationToken cancellationToken)
    {
        var tools = AgentTools.Create(session, new ExecuteBashOptions());
        var loop = new AgentLoop(model, new TextToolProtocol(), tools, new AgentOptions { MaxTurns = steps + 1 });
        var times = new List<double>();
        var saves = new List<double>();
        var writer = new TrajectoryWriter();
        long last = Stopwatch.GetTimestamp();
        var start = new Trajectory
        {
            InstanceId = "bench", RolloutId = "0", Repo = "bench/bench", Model = model.Model, Protocol = "text", Tools = [.. tools.Select(t => t.Definition.Name)],
            BaseCommit = "", Settings = new TrajectorySettings(steps + 1, null, null, null, null, null), Status = RolloutStatus.Running,
            StartedAt = DateTimeOffset.UtcNow, Messages = [], Steps = [],
        };
        var result = await loop.RunAsync(start, $"Run {steps} commands.", trajectory =>
        {
            long save = Stopwatch.GetTimestamp();
            AtomicFile.Replace(file, writer.Serialize(trajectory));
            saves.Add(Stopwatch.GetElapsedTime(save).TotalMilliseconds);
            times.Add(Stopwatch.GetElapsedTime(last).TotalMilliseconds);
            last = Stopwatch.GetTimestamp();
            return Task.CompletedTask;
        }, cancellationToken);
        var measured = result.Steps.Take(steps).ToList();
        return (result.Status, times.Take(steps).ToList(), [.. measured.Select(s => s.Reply.LatencySeconds * 1000)],
            [.. measured.Select(s => s.ToolSeconds * 1000)], saves.Take(steps).ToList());
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

    /// <summary>Of a step: the model call (client-side, HTTP on loopback to the instant server).</summary>
    public required double ModelMedianMs { get; init; }

    /// <summary>Of a step: the tool (the command's sandbox round trip, the interpreter query, the observation).</summary>
    public required double ToolMedianMs { get; init; }

    /// <summary>Of a step: saving the trajectory (new elements serialized, the file replaced atomically).</summary>
    public required double SaveMedianMs { get; init; }

    /// <summary>Of the model call: the scripted server's own time (the "model"), not counted as overhead.</summary>
    public required double ServerMedianMs { get; init; }

    public double TargetMs { get; init; } = AgentBenchmark.TargetMilliseconds;

    public required int Concurrent { get; init; }

    public required int ConcurrentSteps { get; init; }

    public required double ConcurrentSeconds { get; init; }

    public required IReadOnlyList<string> ConcurrentErrors { get; init; }

    public required double PeakMemoryMiB { get; init; }
}
