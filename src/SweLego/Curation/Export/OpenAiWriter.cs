namespace SweLego.Curation.Export;

/// <summary>
/// The openai format: <c>train.jsonl</c>, one chat fine-tuning record <c>{"messages": […]}</c> per trajectory, each
/// assistant message with <c>"weight": 0</c> when masked (kept as context, not trained) and <c>1</c> otherwise, as
/// OpenAI's fine-tuning guide documents for multi-turn chat examples.
/// </summary>
internal sealed class OpenAiWriter(ExportContext context) : IExportWriter
{
    public const string TrainFile = "train.jsonl";

    private readonly FileStream stream = new(Path.Combine(context.WorkDirectory, TrainFile), FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1 << 20);
    private SftJsonLines? lines;
    private int records;

    public ValueTask WriteAsync(SftRecord record, CancellationToken cancellationToken)
    {
        (lines ??= new SftJsonLines(stream)).WriteOpenAi(record);
        records++;
        return ValueTask.CompletedTask;
    }

    public Task<ExportOutput> FinishAsync(CancellationToken cancellationToken)
    {
        stream.Flush(flushToDisk: true);
        return Task.FromResult(new ExportOutput([new ExportFile(TrainFile, records)], []));
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
