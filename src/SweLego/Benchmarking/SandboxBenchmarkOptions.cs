namespace SweLego.Benchmarking;

/// <summary>Options of <see cref="SandboxBenchmark"/>.</summary>
public sealed record SandboxBenchmarkOptions
{
    /// <summary>The trivial command timed (default <c>true</c>).</summary>
    public string Command { get; init; } = "true";

    /// <summary>Measured round trips per contender (default 2000).</summary>
    public int Iterations { get; init; } = 2000;

    /// <summary>Unmeasured round trips first, to warm caches and the JIT (default 200).</summary>
    public int Warmup { get; init; } = 200;

    public string? DockerEndpoint { get; init; }
}
