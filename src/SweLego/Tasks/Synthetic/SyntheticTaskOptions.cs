using SweLego.Models;
using SweLego.Tasks.Synthetic.Mutators;
using SweLego.Tasks.Synthetic.Rewrite;

namespace SweLego.Tasks.Synthetic;

/// <summary>Settings of <see cref="SyntheticTaskMiner"/> (the shared ones in <see cref="TaskMiningOptions"/>; <see cref="TaskMiningOptions.Runs"/> is the clean baseline runs).</summary>
public sealed record SyntheticTaskOptions : TaskMiningOptions
{
    /// <summary>The commit to inject bugs into; null = the repository's HEAD.</summary>
    public string? Commit { get; init; }

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

    /// <summary>
    /// Always run the rest of the suite for a caught bug (exact PASS_TO_PASS). False (default): for a
    /// function whose coverage is complete (see <see cref="Coverage.CoverageMap.MissingFor"/>) only its
    /// covering tests run and every other test's status is the clean baseline's (the fast mode).
    /// </summary>
    public bool ExactPassToPass { get; init; }

    /// <summary>
    /// The share of fast-mode instances (0..1) that also run the whole suite with the bug, to count
    /// how often the fast lists differ from the exact ones; chosen by <see cref="Seed"/> and the
    /// candidate id, so the same run audits the same instances. Default 0.1.
    /// </summary>
    public double AuditRate { get; init; } = 0.1;

    public override void Validate()
    {
        base.Validate();
        if (MaxPerFunction < 1) throw new ArgumentException($"--per-function must be at least 1 (got {MaxPerFunction}).");
        if (!(AuditRate is >= 0 and <= 1)) throw new ArgumentException($"--audit-rate must be between 0 and 1 (got {AuditRate}).");
        if (Rewrites && Model is null) throw new ArgumentException($"{LlmRewriter.Id} needs a model (--model-endpoint and --model).");
        Model?.Validate();
        _ = Mutators;
    }
}
