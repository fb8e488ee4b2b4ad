using SweLego.Agent.Trajectories;
using SweLego.Tokenization;

namespace SweLego.Curation;

/// <summary>How <c>swelego curate</c> filters, masks, counts and bins (defaults: the paper's recipe).</summary>
public sealed class CurationOptions
{
    /// <summary>The tokenizer of the model to be trained (Qwen3's by default in the CLI).</summary>
    public required ITokenEncoder Tokenizer { get; init; }

    /// <summary>The masking decisions of a trajectory, one per step (the rules engine).</summary>
    public required Func<Trajectory, IReadOnlyList<TurnDecision>> Masker { get; init; }

    /// <summary>Where the masking rules came from and their hash (recorded in the settings and the card).</summary>
    public required string MaskingRules { get; init; }

    public required string MaskingRulesSha256 { get; init; }

    /// <summary>False: every turn trained (the rules still run and their decisions are recorded, marked unmasked).</summary>
    public bool Masking { get; init; } = true;

    /// <summary>LLaMA-Factory's <c>cutoff_len</c> (the released recipes: 131,072).</summary>
    public int CutoffLen { get; init; } = 131_072;

    /// <summary>Trajectories with more assistant turns are dropped (the paper's rollouts stop at 100).</summary>
    public int MaxTurns { get; init; } = 100;

    /// <summary>Recycle semi-resolved trajectories (on by default, spec §1.5).</summary>
    public bool SemiResolved { get; init; } = true;

    /// <summary>Keep trajectories without a label (imported without a report).</summary>
    public bool IncludeUnevaluated { get; init; }

    public CurriculumBins Bins { get; init; } = CurriculumBins.Default;

    /// <summary>Evaluation sets to decontaminate against (<c>--decontaminate</c>).</summary>
    public IReadOnlyList<string> Decontaminate { get; init; } = [];

    /// <summary>Instance files with the gold patches (besides the run's own and those its evaluation read).</summary>
    public IReadOnlyList<string> Instances { get; init; } = [];

    /// <summary>Trajectories processed at once (reading, masking, tokenizing).</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Start the stage over (needed when the settings changed).</summary>
    public bool Rerun { get; init; }

    /// <exception cref="ArgumentException">A value is out of range (names the option).</exception>
    public void Validate()
    {
        Bins.Validate();
        if (CutoffLen < 1) throw new ArgumentException($"--cutoff-len must be at least 1 (got {CutoffLen}).");
        if (MaxTurns < 1) throw new ArgumentException($"--max-turns must be at least 1 (got {MaxTurns}).");
        if (MaxTurns > Bins.Bins[^1].MaxTurns)
            throw new ArgumentException($"--max-turns {MaxTurns} is beyond the last curriculum bin ({Bins.Bins[^1].Name}: {Bins.Bins[^1].MaxTurns}); raise the bin with --bins or lower --max-turns.");
        if (Jobs < 1) throw new ArgumentException($"--jobs must be at least 1 (got {Jobs}).");
    }
}
