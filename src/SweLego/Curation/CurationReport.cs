using SweLego.Runs;

namespace SweLego.Curation;

/// <summary>
/// <c>RUN/curation/report.json</c>: everything a dataset card states about a curated set — counts per filter,
/// labels and where they came from, token totals, masked turns and tokens by rule, the turn-count histogram,
/// the curriculum split, the decontamination list and the settings used.
/// </summary>
public sealed record CurationReport : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public required CurationSettings Settings { get; init; }

    /// <summary>Trajectories considered.</summary>
    public required int Candidates { get; init; }

    public required int Kept { get; init; }

    /// <summary>Every filter in order with the trajectories it dropped (zero counts included).</summary>
    public required IReadOnlyList<FilterCount> Filters { get; init; }

    /// <summary>Kept records per label (<c>resolved</c>, <c>semi_resolved</c>, <c>unevaluated</c>).</summary>
    public required IReadOnlyDictionary<string, int> Labels { get; init; }

    /// <summary>Kept records per way their label was obtained.</summary>
    public required IReadOnlyDictionary<string, int> LabelSources { get; init; }

    /// <summary>Kept records per source (<c>real</c>, <c>synthetic</c>, <c>import:…</c>).</summary>
    public required IReadOnlyDictionary<string, int> Sources { get; init; }

    /// <summary>Sum over kept records.</summary>
    public required TokenCounts Tokens { get; init; }

    /// <summary>Records the cut at <c>cutoff_len</c> shortened.</summary>
    public required int TruncatedRecords { get; init; }

    public required int AssistantTurns { get; init; }

    public required int MaskedTurns { get; init; }

    /// <summary>Every rule that decided a turn (mask rules, exemptions, <c>clean</c>): turns and assistant tokens.</summary>
    public required IReadOnlyList<RuleCount> Rules { get; init; }

    /// <summary>Kept records by assistant-turn count, buckets of 10 turns.</summary>
    public required IReadOnlyList<HistogramBucket> TurnHistogram { get; init; }

    /// <summary>The curriculum: per bin its records, and per stage (bins 1..k) the cumulative records and tokens.</summary>
    public required IReadOnlyList<CurriculumStage> Curriculum { get; init; }

    /// <summary>The trajectories left out because an evaluation set contains their repository or instance.</summary>
    public required IReadOnlyList<DecontaminationEntry> Decontaminated { get; init; }
}

/// <summary>What curation was run with (also <c>RUN/curation/settings.json</c>; a re-run with other settings needs <c>--rerun</c>).</summary>
public sealed record CurationSettings
{
    public required string Tokenizer { get; init; }

    public string Template { get; init; } = "qwen3_nothink";

    public int CutoffLen { get; init; } = 131_072;

    public int MaxTurns { get; init; } = 100;

    public bool SemiResolved { get; init; } = true;

    public bool IncludeUnevaluated { get; init; }

    public bool Masking { get; init; } = true;

    /// <summary>Where the masking rules came from (<c>built-in</c> or a path) and their content hash.</summary>
    public required string MaskingRules { get; init; }

    public required string MaskingRulesSha256 { get; init; }

    public required string Bins { get; init; }

    /// <summary>Evaluation sets given for decontamination (paths as given) with their repository and instance counts.</summary>
    public IReadOnlyList<string> Decontaminate { get; init; } = [];
}

public sealed record FilterCount(string Id, string Meaning, int Dropped);

public sealed record RuleCount(string Rule, bool Masks, int Turns, long Tokens);

/// <summary>Records with <see cref="From"/> ≤ turns ≤ <see cref="To"/>.</summary>
public sealed record HistogramBucket(int From, int To, int Count);

/// <summary>
/// Curriculum bin <see cref="Bin"/> (turns <see cref="MinTurns"/>–<see cref="MaxTurns"/>: <see cref="BinRecords"/>, <see cref="BinTokens"/>)
/// and stage <see cref="Stage"/>, which trains on bins 1..stage (<see cref="Records"/>, <see cref="Tokens"/>).
/// </summary>
public sealed record CurriculumStage(int Stage, string Bin, int MinTurns, int MaxTurns, int BinRecords, TokenCounts BinTokens, int Records, TokenCounts Tokens);

/// <summary>A trajectory left out by decontamination: why (<c>repo</c> or <c>instance_id</c>) and which set matched.</summary>
public sealed record DecontaminationEntry(string InstanceId, string RolloutId, string Repo, string MatchedBy, string EvaluationSet);
