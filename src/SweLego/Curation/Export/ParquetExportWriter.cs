using System.Text.Json.Serialization;
using Parquet;
using Parquet.Serialization;
using YamlDotNet.Serialization;

namespace SweLego.Curation.Export;

/// <summary>
/// The parquet format: a Hugging Face dataset folder, <c>data/train-0000i-of-0000N.parquet</c> (a new file after
/// <see cref="ExportOptions.ParquetShardRecords"/> rows or <see cref="ExportOptions.ParquetShardBytes"/> of message text,
/// row groups of at most <see cref="RowGroupBytes"/>, so memory stays bounded), and the card's YAML front matter that
/// tells <c>datasets.load_dataset(OUT)</c> the split and the features. Shards are written under a temporary name and
/// renamed once their count is known.
/// </summary>
internal sealed class ParquetExportWriter(ExportContext context) : IExportWriter
{
    public const string DataFolder = "data";
    private const long RowGroupBytes = 16L * 1024 * 1024;

    private static readonly ISerializer Yaml = new SerializerBuilder().WithIndentedSequences().Build();

    private readonly List<Row> rows = [];
    private readonly List<(string Path, int Records)> shards = [];
    private FileStream? shard;
    private int shardRecords, shardRowGroups, records;
    private long shardBytes, bufferedBytes;

    public async ValueTask WriteAsync(SftRecord record, CancellationToken cancellationToken)
    {
        long bytes = record.Messages.Sum(m => (long)m.Content.Length);
        if (shard is not null && (shardRecords >= context.Options.ParquetShardRecords || shardBytes + bytes > context.Options.ParquetShardBytes && shardRecords > 0))
            await CloseShardAsync(cancellationToken);
        if (shard is null)
        {
            string path = Path.Combine(context.WorkDirectory, DataFolder, $".shard-{shards.Count:D5}.parquet");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            shard = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
            shards.Add((path, 0));
        }

        rows.Add(Row.From(record));
        shardRecords++;
        records++;
        shardBytes += bytes;
        bufferedBytes += bytes;
        if (bufferedBytes >= RowGroupBytes) await FlushRowGroupAsync(cancellationToken);
    }

    public async Task<ExportOutput> FinishAsync(CancellationToken cancellationToken)
    {
        await CloseShardAsync(cancellationToken);
        var files = new List<ExportFile>();
        for (int i = 0; i < shards.Count; i++)
        {
            string relative = $"{DataFolder}/train-{i:D5}-of-{shards.Count:D5}.parquet";
            File.Move(shards[i].Path, Path.Combine(context.WorkDirectory, relative));
            files.Add(new ExportFile(relative, shards[i].Records));
        }

        return new ExportOutput(files, [], FrontMatter(records));
    }

    public async ValueTask DisposeAsync()
    {
        if (shard is not null) await shard.DisposeAsync();
    }

    /// <summary>The README's YAML front matter: the default config's train files and the features of <see cref="Row"/>.</summary>
    public static string FrontMatter(int examples)
    {
        static Dictionary<string, object> Feature(string name, string dtype) => new() { ["name"] = name, ["dtype"] = dtype };
        var card = new OrderedDictionary<string, object>
        {
            ["configs"] = new[]
            {
                new OrderedDictionary<string, object>
                {
                    ["config_name"] = "default",
                    ["data_files"] = new[] { new OrderedDictionary<string, object> { ["split"] = "train", ["path"] = $"{DataFolder}/train-*.parquet" } },
                },
            },
            ["dataset_info"] = new OrderedDictionary<string, object>
            {
                ["features"] = new object[]
                {
                    Feature("instance_id", "string"), Feature("rollout_id", "string"), Feature("repo", "string"), Feature("source", "string"),
                    Feature("model", "string"), Feature("label", "string"), Feature("label_source", "string"), Feature("turns", "int32"),
                    Feature("bin", "string"), Feature("tokens_total", "int64"), Feature("tokens_trained", "int64"),
                    Feature("tokens_masked", "int64"), Feature("tokens_truncated", "int64"),
                    new OrderedDictionary<string, object>
                    {
                        ["name"] = "messages",
                        ["list"] = new[] { Feature("role", "string"), Feature("content", "string"), Feature("turn_mask", "bool") },
                    },
                },
                ["splits"] = new[] { new OrderedDictionary<string, object> { ["name"] = "train", ["num_examples"] = examples } },
            },
        };
        return "---\n" + Yaml.Serialize(card) + "---\n\n";
    }

    private async Task FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        // Appending adds a row group to the open file (Parquet.Net reads the footer back and rewrites it).
        await ParquetSerializer.SerializeAsync(rows, shard!, new ParquetOptions { Append = shardRowGroups > 0 }, cancellationToken: cancellationToken);
        shardRowGroups++;
        rows.Clear();
        bufferedBytes = 0;
    }

    private async Task CloseShardAsync(CancellationToken cancellationToken)
    {
        if (shard is null) return;
        await FlushRowGroupAsync(cancellationToken);
        shard.Flush(flushToDisk: true);
        await shard.DisposeAsync();
        shard = null;
        shards[^1] = (shards[^1].Path, shardRecords);
        shardRecords = shardRowGroups = 0;
        shardBytes = 0;
    }

    /// <summary>One Parquet row; the names are the columns (and the front matter's features).</summary>
    internal sealed class Row
    {
        [JsonPropertyName("instance_id")] public string InstanceId { get; set; } = "";
        [JsonPropertyName("rollout_id")] public string RolloutId { get; set; } = "";
        [JsonPropertyName("repo")] public string Repo { get; set; } = "";
        [JsonPropertyName("source")] public string Source { get; set; } = "";
        [JsonPropertyName("model")] public string Model { get; set; } = "";
        [JsonPropertyName("label")] public string Label { get; set; } = "";
        [JsonPropertyName("label_source")] public string LabelSource { get; set; } = "";
        [JsonPropertyName("turns")] public int Turns { get; set; }
        [JsonPropertyName("bin")] public string Bin { get; set; } = "";
        [JsonPropertyName("tokens_total")] public long TokensTotal { get; set; }
        [JsonPropertyName("tokens_trained")] public long TokensTrained { get; set; }
        [JsonPropertyName("tokens_masked")] public long TokensMasked { get; set; }
        [JsonPropertyName("tokens_truncated")] public long TokensTruncated { get; set; }
        [JsonPropertyName("messages")] public List<Message> Messages { get; set; } = [];

        public static Row From(SftRecord record) => new()
        {
            InstanceId = record.InstanceId,
            RolloutId = record.RolloutId,
            Repo = record.Repo,
            Source = record.Source,
            Model = record.Model,
            Label = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(record.Label.ToString()),
            LabelSource = record.LabelSource,
            Turns = record.Turns,
            Bin = record.Bin,
            TokensTotal = record.Tokens.Total,
            TokensTrained = record.Tokens.Trained,
            TokensMasked = record.Tokens.Masked,
            TokensTruncated = record.Tokens.Truncated,
            Messages = record.Messages.Select(m => new Message
            {
                Role = m.Role,
                Content = m.Content,
                TurnMask = m.Role == SftMessage.Assistant ? m.TurnMask : null,
            }).ToList(),
        };
    }

    /// <summary>An element of the <c>messages</c> list: <c>turn_mask</c> is null except on assistant messages.</summary>
    internal sealed class Message
    {
        [JsonPropertyName("role")] public string Role { get; set; } = "";
        [JsonPropertyName("content")] public string Content { get; set; } = "";
        [JsonPropertyName("turn_mask")] public bool? TurnMask { get; set; }
    }
}
