using System.Text.Json;
using SweLego.Runs;

namespace SweLego.Curation.Export;

/// <summary>
/// <c>swelego export</c>: streams <c>RUN/curation/kept.jsonl</c> (one record in memory at a time), re-checks each record
/// against LLaMA-Factory's loader rules (<see cref="LlamaFactoryRules"/>) and its bin against the curriculum, hands the
/// good ones to the format's writer, then writes the dataset card and <c>export.json</c> — all in a hidden folder that
/// replaces the output folder only when complete (<see cref="ExportFolder"/>). A refused record is never written; it is
/// named in <see cref="ExportSummary.Rejected"/>.
/// </summary>
public static class DatasetExport
{
    public const string SummaryFile = "export.json";
    public const string ExportStage = "export";

    /// <summary><c>RUN/export/&lt;format&gt;</c>.</summary>
    public static string DefaultOutput(RunFolder run, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Path.Combine(run.DirectoryPath, ExportStage, ExportFormats.Id(format));
    }

    /// <summary>Null when the run has curation output, else the one line that says what to do.</summary>
    public static string? MissingInput(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        string? missing = new[] { CurationStage.KeptFile, CurationStage.ReportFile }.FirstOrDefault(f => !File.Exists(Path.Combine(run.DirectoryPath, CurationStage.Stage, f)));
        return missing is null ? null : $"{run.DirectoryPath} has no curation output ({CurationStage.Stage}/{missing} is missing); run `swelego curate {run.DirectoryPath}` first.";
    }

    public static async Task<ExportSummary> RunAsync(RunFolder run, ExportOptions options, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (MissingInput(run) is { } missing) throw new FileNotFoundException(missing);
        string kept = Path.Combine(run.DirectoryPath, CurationStage.Stage, CurationStage.KeptFile);
        string reportPath = Path.Combine(run.DirectoryPath, CurationStage.Stage, CurationStage.ReportFile);
        var report = ReadReport(reportPath);
        var bins = CurriculumBins.Parse(report.Settings.Bins);

        using var folder = ExportFolder.Begin(options.OutputDirectory ?? DefaultOutput(run, options.Format), SummaryFile);
        var context = new ExportContext(folder.Work, folder.Target, options, report, bins);
        var rejected = new List<RejectedRecord>();
        int read = 0, written = 0, unevaluated = 0;
        ExportOutput output;
        await using (var writer = CreateWriter(context))
        {
            foreach (var record in JsonlReader.Read<SftRecord>(kept))
            {
                cancellationToken.ThrowIfCancellationRequested();
                read++;
                if (record.Label is CurationLabel.Unevaluated && !options.IncludeUnevaluated) unevaluated++;
                else if ((LlamaFactoryRules.Check(record) ?? BinProblem(record, bins)) is { } problem) rejected.Add(new RejectedRecord(record.Key, problem));
                else
                {
                    await writer.WriteAsync(record, cancellationToken);
                    written++;
                }

                if (read % 100 == 0) progress?.Report(new ExportProgress(read, Math.Max(read, report.Kept)));
            }

            if (written == 0)
                throw new InvalidDataException($"Nothing to export from {kept}: {read} records read, {rejected.Count} refused" +
                    (rejected.Count > 0 ? $" (first: {rejected[0].Key}: {rejected[0].Reason})" : "") +
                    $", {unevaluated} unevaluated{(unevaluated > 0 ? " (--include-unevaluated exports them)" : "")}.");
            output = await writer.FinishAsync(cancellationToken);
        }

        progress?.Report(new ExportProgress(read, read));
        string cardFile = options.Format == ExportFormat.Parquet ? "README.md" : "DATASET_CARD.md";
        var summary = new ExportSummary
        {
            Format = ExportFormats.Id(options.Format),
            Name = options.Name,
            Run = run.DirectoryPath,
            Read = read,
            Records = written,
            SkippedUnevaluated = unevaluated,
            Files = [.. output.Files, new ExportFile(cardFile), new ExportFile(SummaryFile)],
            Rejected = rejected,
            Stages = output.Stages,
        };
        AtomicFile.WriteAllText(Path.Combine(folder.Work, cardFile), DatasetCard.Render(report, summary, output.CardFrontMatter));
        // Last: its presence is what marks a folder as a finished export.
        AtomicFile.WriteJson(Path.Combine(folder.Work, SummaryFile), summary);
        cancellationToken.ThrowIfCancellationRequested();
        folder.Commit();
        return summary;
    }

    private static IExportWriter CreateWriter(ExportContext context) => context.Options.Format switch
    {
        ExportFormat.LlamaFactory => new LlamaFactoryWriter(context),
        ExportFormat.OpenAi => new OpenAiWriter(context),
        ExportFormat.Parquet => new ParquetExportWriter(context),
        _ => throw new ArgumentOutOfRangeException(nameof(context), context.Options.Format, "Unknown export format."),
    };

    private static string? BinProblem(SftRecord record, CurriculumBins bins) =>
        bins.Bins.Any(b => b.Name == record.Bin) ? null : $"bin '{record.Bin}' is not one of the curriculum's ({bins})";

    private static CurationReport ReadReport(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<CurationReport>(File.ReadAllBytes(path), RunJson.Options)
                ?? throw new InvalidDataException($"{path}: the file is JSON null, not a curation report.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a curation report: {e.Message}", e);
        }
    }
}
