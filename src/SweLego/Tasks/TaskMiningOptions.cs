using SweLego.Environments.Backends;
using SweLego.Environments.Build;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;

namespace SweLego.Tasks;

/// <summary>
/// What every task-mining stage (real, synthetic) needs to validate candidates: the repository, how
/// many instances and how much parallelism, the repeated runs, and the sandbox and environment
/// settings. <see cref="Validate"/> names the bad one, as the CLI option it comes from.
/// </summary>
public abstract record TaskMiningOptions
{
    /// <summary>The repository to read (only read: the miner works on its own mirror).</summary>
    public required string Repository { get; init; }

    /// <summary>Stop after this many instances in the run (counting earlier sessions of a resumed run); null = no limit.</summary>
    public int? Max { get; init; }

    /// <summary>Candidates validated at once, each in its own checkout and sandbox. Default 1.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Repeated runs of the same tests; a test whose status differs between them is flaky and left out. Default 3.</summary>
    public int Runs { get; init; } = 3;

    /// <summary><c>bwrap</c> (default) or <c>docker</c>.</summary>
    public string Backend { get; init; } = SandboxBackends.Bwrap;

    /// <summary>Build environments without a package index (see the environment builders).</summary>
    public bool Offline { get; init; }

    /// <summary>Limit of one test command. Default 10 minutes.</summary>
    public TimeSpan TestTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Docker endpoint and base image (docker backend).</summary>
    public DockerBackendOptions Docker { get; init; } = new();

    /// <summary>Docker image builds: the disk budget of environment images (docker backend).</summary>
    public DockerEnvironmentOptions Images { get; init; } = new();

    /// <summary>The environment backend of <see cref="Backend"/>, made once per stage run.</summary>
    public IEnvironmentBackend CreateBackend() => EnvironmentBackends.Create(Backend, Docker, Images);

    public virtual void Validate()
    {
        if (Max is < 1) throw new ArgumentException($"--max must be at least 1 (got {Max}).");
        if (Jobs < 1) throw new ArgumentException($"--jobs must be at least 1 (got {Jobs}).");
        if (Runs < 1) throw new ArgumentException($"--runs must be at least 1 (got {Runs}).");
        if (TestTimeout <= TimeSpan.Zero) throw new ArgumentException("The test timeout must be positive.");
        if (!SandboxBackends.Names.Contains(Backend)) throw new ArgumentException($"Unknown backend '{Backend}' (use {string.Join(" or ", SandboxBackends.Names)}).");
    }
}
