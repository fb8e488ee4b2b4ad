using System.Text.Json.Nodes;
using SweLego.Runs;

namespace SweLego.Curation.Export;

/// <summary>
/// The llamafactory format: <c>data/&lt;name&gt;_&lt;bin&gt;.jsonl</c> per curriculum bin (sharegpt records
/// <c>{instance_id, messages}</c>, <c>turn_mask</c> on assistant messages only), then <c>dataset_info.json</c>, the
/// DeepSpeed ZeRO-3 config, one training YAML per stage and <c>train.sh</c> (<see cref="LlamaFactoryConfigs"/>).
/// </summary>
internal sealed class LlamaFactoryWriter(ExportContext context) : IExportWriter
{
    private const string DataFolder = "data";
    private readonly Dictionary<string, (FileStream Stream, SftJsonLines Lines, int Records)> bins = new(StringComparer.Ordinal);

    public static string DatasetName(string name, string bin) => $"{name}_{bin}";

    public ValueTask WriteAsync(SftRecord record, CancellationToken cancellationToken)
    {
        if (!bins.TryGetValue(record.Bin, out var file))
        {
            string path = Path.Combine(context.WorkDirectory, DataFolder, DatasetName(context.Options.Name, record.Bin) + ".jsonl");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1 << 20);
            file = (stream, new SftJsonLines(stream), 0);
        }

        file.Lines.WriteLlamaFactory(record);
        bins[record.Bin] = file with { Records = file.Records + 1 };
        return ValueTask.CompletedTask;
    }

    public Task<ExportOutput> FinishAsync(CancellationToken cancellationToken)
    {
        var files = new List<ExportFile>();
        var datasetInfo = new JsonObject();
        var written = new List<(CurriculumBin Bin, string Dataset)>();
        foreach (var bin in context.Bins.Bins)
        {
            if (!bins.TryGetValue(bin.Name, out var file)) continue;
            file.Stream.Flush(flushToDisk: true);
            string dataset = DatasetName(context.Options.Name, bin.Name);
            string relative = $"{DataFolder}/{dataset}.jsonl";
            files.Add(new ExportFile(relative, file.Records));
            datasetInfo[dataset] = LlamaFactoryConfigs.DatasetInfoEntry(relative);
            written.Add((bin, dataset));
        }

        Write(files, LlamaFactoryConfigs.DatasetInfoFile, path => AtomicFile.WriteAllText(path, datasetInfo.ToJsonString(RunJson.IndentedOptions) + "\n"));
        Write(files, LlamaFactoryConfigs.DeepSpeedFile, path => AtomicFile.WriteAllText(path, LlamaFactoryConfigs.DeepSpeedZero3 + "\n"));
        var stages = LlamaFactoryConfigs.Stages(written, context);
        foreach (var stage in stages)
            Write(files, stage.Config, path => AtomicFile.WriteAllText(path, LlamaFactoryConfigs.StageYaml(stage, context)));
        Write(files, LlamaFactoryConfigs.TrainScriptFile, path =>
        {
            AtomicFile.WriteAllText(path, LlamaFactoryConfigs.TrainScript(stages, context));
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        });
        return Task.FromResult(new ExportOutput(files, stages));
    }

    public ValueTask DisposeAsync()
    {
        foreach (var file in bins.Values) file.Stream.Dispose();
        bins.Clear();
        return ValueTask.CompletedTask;
    }

    private void Write(List<ExportFile> files, string relative, Action<string> write)
    {
        write(Path.Combine(context.WorkDirectory, relative));
        files.Add(new ExportFile(relative));
    }
}
