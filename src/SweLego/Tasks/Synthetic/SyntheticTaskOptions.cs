using SweLego.Environments.Build;
using SweLego.Models;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Tasks.Synthetic.Mutators;
using SweLego.Tasks.Synthetic.Rewrite;

namespace SweLego.Tasks.Synthetic;

/// <summary>Settings of <see cref="SyntheticTaskMiner"/>; <see cref="Validate"/> names the bad one.</summary>
public sealed record SyntheticTaskOptions
{
    /// <summary>The repository to read (only read: the miner works on its own mirror).</summary>
    public required string Repository { get; init; }

    /// <summary>The commit to inject bugs into; null = the repository's HEAD.</summary>
    public string? Commit { get; init; }

    /// <summary>Stop after this many instances in the run (counting earlier sessions of a resumed run); null = no limit.</summary>
    public int? Max { get; init; }

    /// <summary>
    /// Mutator ids or prefixes (<c>py.flip_comparison</c>, <c>py.</c>) and <c>llm.rewrite</c> (needs
    /// <see cref="Model"/>); empty = every procedural mutator.
    /// </summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>An OpenAI-compatible model: rewrites functions (<c>llm.rewrite</c>) and writes issue-style problem statements; null = templates only.</summary>
    public ModelClientOptions? Model { get; init; }

    /// <summary>Whether <see cref="Methods"/> asks for LLM rewrites.</summary>
    public bool Rewrites => Methods.Contains(LlmRewriter.Id, StringComparer.Ordinal);

    /// <summary>The procedural mutators <see cref="Methods"/> selects (all of them when it names none).</summary>
    public IReadOnlyList<IBugMutator> Mutators
    {
        get
        {
            var procedural = Methods.Where(m => m != LlmRewriter.Id).ToList();
            return procedural.Count == 0 ? (Rewrites ? [] : BugMutators.All) : BugMutators.Select(procedural);
        }
    }

    /// <summary>Orders the candidates; the same seed, repository and methods always give the same instances.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>At most this many instances per function. Default 2.</summary>
    public int MaxPerFunction { get; init; } = 2;

    /// <summary>Validate each candidate first with only the tests that execute its function (default), instead of the whole suite.</summary>
    public bool CoverageGuided { get; init; } = true;

    /// <summary>Candidates validated at once, each in its own checkout and sandbox. Default 1.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Baseline runs of the whole suite; tests whose status differs between runs are flaky. Default 3.</summary>
    public int Runs { get; init; } = 3;

    /// <summary><c>bwrap</c> (default) or <c>docker</c>.</summary>
    public string Backend { get; init; } = SandboxBackends.Bwrap;

    /// <summary>Build the environment without a package index.</summary>
    public bool Offline { get; init; }

    /// <summary>Limit of one test command. Default 10 minutes.</summary>
    public TimeSpan TestTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public DockerBackendOptions Docker { get; init; } = new();

    public DockerEnvironmentOptions Images { get; init; } = new();

    public void Validate()
    {
        if (Max is < 1) throw new ArgumentException($"--max must be at least 1 (got {Max}).");
        if (MaxPerFunction < 1) throw new ArgumentException($"--per-function must be at least 1 (got {MaxPerFunction}).");
        if (Jobs < 1) throw new ArgumentException($"--jobs must be at least 1 (got {Jobs}).");
        if (Runs < 1) throw new ArgumentException($"--runs must be at least 1 (got {Runs}).");
        if (TestTimeout <= TimeSpan.Zero) throw new ArgumentException("The test timeout must be positive.");
        if (!SandboxBackends.Names.Contains(Backend)) throw new ArgumentException($"Unknown backend '{Backend}' (use {string.Join(" or ", SandboxBackends.Names)}).");
        if (Rewrites && Model is null) throw new ArgumentException($"{LlmRewriter.Id} needs a model (--model-endpoint and --model).");
        Model?.Validate();
        _ = Mutators;
    }
}
