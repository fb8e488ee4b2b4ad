using SweLego.Runs;

namespace SweLego.Curation.Export;

/// <summary>
/// <c>OUT/export.json</c>, written last (its presence marks a finished export): what was written, per file, and every
/// record that was refused, with the rule it broke.
/// </summary>
public sealed record ExportSummary : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    /// <summary><see cref="ExportFormats"/> id.</summary>
    public required string Format { get; init; }

    public required string Name { get; init; }

    /// <summary>The run folder exported from.</summary>
    public required string Run { get; init; }

    /// <summary>Records read from <c>curation/kept.jsonl</c>.</summary>
    public required int Read { get; init; }

    /// <summary>Records written.</summary>
    public required int Records { get; init; }

    /// <summary>Records labelled <c>unevaluated</c> left out (no <c>--include-unevaluated</c>).</summary>
    public required int SkippedUnevaluated { get; init; }

    /// <summary>Every file of the export, relative to it; <see cref="ExportFile.Records"/> on the data files.</summary>
    public required IReadOnlyList<ExportFile> Files { get; init; }

    /// <summary>Records that break LLaMA-Factory's loader rules (<see cref="LlamaFactoryRules"/>) or name an unknown bin: never written.</summary>
    public required IReadOnlyList<RejectedRecord> Rejected { get; init; }

    /// <summary>The training stages (llamafactory): empty for the other formats.</summary>
    public IReadOnlyList<TrainingStage> Stages { get; init; } = [];
}

/// <summary>A file of the export, relative to its folder; <see cref="Records"/> only on data files.</summary>
public sealed record ExportFile(string Path, int? Records = null);

/// <summary>A record that was not exported: <c>instance#rollout</c> and the broken rule.</summary>
public sealed record RejectedRecord(string Key, string Reason);

/// <summary>
/// Curriculum stage <see cref="Stage"/> of a llamafactory export: trains <see cref="Datasets"/> (bins 1..k, cumulative)
/// from <see cref="Model"/> (the base model, or stage k−1's <see cref="OutputDir"/>) with <see cref="Config"/>.
/// </summary>
public sealed record TrainingStage(int Stage, string Bin, string Config, IReadOnlyList<string> Datasets, string Model, string OutputDir);
