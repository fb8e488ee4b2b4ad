using System.Diagnostics;
using SweLego.Agent.Trajectories;

namespace SweLego.Rollouts;

/// <summary>Live counters across the rollouts of one session, for the progress line: running episodes, turns, tokens per second.</summary>
public sealed class RolloutTally
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int running;
    private long turns;
    private long tokens;

    public int Running => Volatile.Read(ref running);

    public long Turns => Interlocked.Read(ref turns);

    public long Tokens => Interlocked.Read(ref tokens);

    /// <summary>Completion tokens per second of wall time in this session.</summary>
    public double TokensPerSecond => clock.Elapsed.TotalSeconds > 0 ? Tokens / clock.Elapsed.TotalSeconds : 0;

    internal void Started() => Interlocked.Increment(ref running);

    internal void Step(TrajectoryStep step)
    {
        Interlocked.Increment(ref turns);
        Interlocked.Add(ref tokens, step.Reply.Usage?.CompletionTokens ?? 0);
    }

    internal void Ended() => Interlocked.Decrement(ref running);
}
