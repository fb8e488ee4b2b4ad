namespace SweLego.Curation.Export;

/// <summary>
/// What to export and where. <see cref="OutputDirectory"/> defaults to <c>RUN/export/&lt;format&gt;</c>; it is replaced
/// whole when it holds an earlier export (an <c>export.json</c>) or is empty, and refused otherwise.
/// </summary>
public sealed record ExportOptions
{
    public required ExportFormat Format { get; init; }

    public string? OutputDirectory { get; init; }

    /// <summary>The dataset's name: file names (<c>&lt;name&gt;_easy.jsonl</c>), dataset_info.json entries and the card's title.</summary>
    public string Name { get; init; } = "swelego";

    /// <summary>The released SWE-Lego training recipe the YAMLs follow (llamafactory only).</summary>
    public LlamaFactoryRecipe Recipe { get; init; } = LlamaFactoryRecipe.Qwen3_8B;

    /// <summary>The base model stage 1 starts from (llamafactory only); default the recipe's (Qwen/Qwen3-8B or -32B).</summary>
    public string? Model { get; init; }

    /// <summary>Also export records whose label is <c>unevaluated</c> (imported without a report); otherwise they are skipped and counted.</summary>
    public bool IncludeUnevaluated { get; init; }

    /// <summary>Rows per Parquet file at most (a file is also closed at <see cref="ParquetShardBytes"/> of message text).</summary>
    public int ParquetShardRecords { get; init; } = 5_000;

    public long ParquetShardBytes { get; init; } = 500L * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Name) || Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new ArgumentException($"Dataset name '{Name}' must be letters, digits, '-', '_' or '.' (it names files and dataset_info.json entries).");
        if (Model is { Length: 0 }) throw new ArgumentException("--model must not be empty.");
        if (ParquetShardRecords < 1) throw new ArgumentException($"Parquet shards need at least 1 record (got {ParquetShardRecords}).");
        if (ParquetShardBytes < 1) throw new ArgumentException($"Parquet shards need a positive size (got {ParquetShardBytes}).");
    }
}
