namespace SweLego.Curation.Export;

/// <summary>
/// One format's writer: gets each record that passed the checks, in order, and at the end closes its files and writes
/// the format's other files. It writes into <see cref="ExportContext.WorkDirectory"/> but names paths as they will be
/// after the commit (<see cref="ExportContext.FinalDirectory"/>).
/// </summary>
internal interface IExportWriter : IAsyncDisposable
{
    ValueTask WriteAsync(SftRecord record, CancellationToken cancellationToken);

    Task<ExportOutput> FinishAsync(CancellationToken cancellationToken);
}

/// <summary>What a writer wrote: its files (relative), the training stages (llamafactory) and the card's front matter (parquet).</summary>
internal sealed record ExportOutput(IReadOnlyList<ExportFile> Files, IReadOnlyList<TrainingStage> Stages, string? CardFrontMatter = null);

/// <summary>Where a writer writes and what it knows of the curated set.</summary>
internal sealed record ExportContext(string WorkDirectory, string FinalDirectory, ExportOptions Options, CurationReport Report, CurriculumBins Bins);
