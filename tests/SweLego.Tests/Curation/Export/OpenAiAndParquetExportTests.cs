using System.Diagnostics;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using SweLego.Curation;
using SweLego.Curation.Export;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Curation.Export;

/// <summary>The openai JSONL bytes and the Parquet dataset folder read back with Parquet.Net (pyarrow/datasets cannot be installed here).</summary>
public sealed class OpenAiAndParquetExportTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-export-");

    private Task<ExportSummary> ExportAsync(ExportFormat format, IEnumerable<SftRecord> records, int shardRecords = 5_000) =>
        DatasetExport.RunAsync(ExportRuns.Create(_temp.Combine("run"), records),
            new ExportOptions { Format = format, OutputDirectory = _temp.Combine("out"), ParquetShardRecords = shardRecords }, null, CancellationToken.None);

    [Fact]
    public async Task OpenAi_SmallSet_WritesWeightZeroOnMaskedAssistantTurnsOnly()
    {
        var summary = await ExportAsync(ExportFormat.OpenAi, ExportRuns.Sample().Take(2));

        Assert.Equal(
            "{\"messages\":[{\"role\":\"system\",\"content\":\"You are a software agent.\"},{\"role\":\"user\",\"content\":\"Fix the bug in acme__tally-1.\"}," +
            "{\"role\":\"assistant\",\"content\":\"action 1\",\"weight\":1}]}\n" +
            "{\"messages\":[{\"role\":\"system\",\"content\":\"You are a software agent.\"},{\"role\":\"user\",\"content\":\"Fix the bug in acme__tally-2.\"}," +
            "{\"role\":\"assistant\",\"content\":\"action 1\",\"weight\":0},{\"role\":\"user\",\"content\":\"observation 1\"}," +
            "{\"role\":\"assistant\",\"content\":\"action 2\",\"weight\":1}]}\n",
            File.ReadAllText(_temp.Combine("out", "train.jsonl")));
        Assert.Equal(["train.jsonl", "DATASET_CARD.md", "export.json"], summary.Files.Select(f => f.Path));
        Assert.True(File.Exists(_temp.Combine("out", "DATASET_CARD.md")));
    }

    [Fact]
    public async Task Parquet_RoundTrip_ShardsRowsAndNestedMessagesReadBack()
    {
        var records = ExportRuns.Sample();

        var summary = await ExportAsync(ExportFormat.Parquet, records, shardRecords: 2);

        Assert.Equal(["data/train-00000-of-00003.parquet", "data/train-00001-of-00003.parquet", "data/train-00002-of-00003.parquet"],
            summary.Files.Where(f => f.Records is not null).Select(f => f.Path));
        Assert.Equal([2, 2, 1], summary.Files.Where(f => f.Records is not null).Select(f => f.Records!.Value));
        Assert.Empty(Directory.GetFiles(_temp.Combine("out", "data"), ".*"));

        var rows = new List<Dictionary<string, object>>();
        foreach (string file in Directory.GetFiles(_temp.Combine("out", "data"), "train-*.parquet").Order(StringComparer.Ordinal))
        {
            await using (var stream = File.OpenRead(file))
            await using (var reader = await ParquetReader.CreateAsync(stream))
            {
                var fields = reader.Schema.Fields;
                Assert.Equal(["instance_id", "rollout_id", "repo", "source", "model", "label", "label_source", "turns", "bin",
                    "tokens_total", "tokens_trained", "tokens_masked", "tokens_truncated", "messages"], fields.Select(f => f.Name));
                var messages = Assert.IsType<ListField>(fields[^1]);
                var message = Assert.IsType<StructField>(messages.Item);
                Assert.Equal(["role", "content", "turn_mask"], message.Fields.Select(f => f.Name));
                Assert.Equal(typeof(bool), Assert.IsType<DataField>(message.Fields[2]).ClrType);
                Assert.Equal(typeof(long), Assert.IsType<DataField>(fields[9]).ClrType);
            }

            rows.AddRange((await ParquetSerializer.DeserializeUntypedAsync(File.OpenRead(file))).Data);
        }

        Assert.Equal(records.Select(r => r.InstanceId), rows.Select(r => (string)r["instance_id"]));
        var hard = rows[4];
        Assert.Equal("hard", hard["bin"]);
        Assert.Equal("resolved", hard["label"]);
        Assert.Equal("swelego eval", hard["label_source"]);
        Assert.Equal(5, hard["turns"]);
        Assert.Equal(500L, hard["tokens_total"]);
        Assert.Equal(20L, hard["tokens_masked"]);
        var messagesRead = ((System.Collections.IEnumerable)hard["messages"]).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(records[4].Messages.Select(m => (m.Role, m.Content)), messagesRead.Select(m => ((string)m["role"], (string)m["content"])));
        Assert.Equal(records[4].Messages.Select(m => m.TurnMask), messagesRead.Select(m => m.TryGetValue("turn_mask", out var v) ? (bool?)v : null));
    }

    [Fact]
    public async Task Parquet_Readme_HasFrontMatterTheHubAndDatasetsRead()
    {
        await ExportAsync(ExportFormat.Parquet, ExportRuns.Sample());
        string readme = File.ReadAllText(_temp.Combine("out", "README.md"));
        Assert.StartsWith("---\n", readme, StringComparison.Ordinal);
        Assert.Contains("\n---\n\n# swelego\n", readme, StringComparison.Ordinal);

        // PyYAML reads the front matter the way huggingface_hub's card parser does.
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import json,sys,yaml; t=open(sys.argv[1]).read(); print(json.dumps(yaml.safe_load(t.split('---\\n')[1]), separators=(',', ':')))");
        info.ArgumentList.Add(_temp.Combine("out", "README.md"));
        using var python = Process.Start(info)!;
        string json = await python.StandardOutput.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, await python.StandardError.ReadToEndAsync());
        var card = JsonDocument.Parse(json).RootElement;
        Assert.Equal("""[{"config_name":"default","data_files":[{"split":"train","path":"data/train-*.parquet"}]}]""", card.GetProperty("configs").GetRawText());
        var features = card.GetProperty("dataset_info").GetProperty("features");
        Assert.Equal("""{"name":"turns","dtype":"int32"}""", features[7].GetRawText());
        Assert.Equal("""{"name":"messages","list":[{"name":"role","dtype":"string"},{"name":"content","dtype":"string"},{"name":"turn_mask","dtype":"bool"}]}""",
            features[13].GetRawText());
        Assert.Equal("""[{"name":"train","num_examples":5}]""", card.GetProperty("dataset_info").GetProperty("splits").GetRawText());
    }

    public void Dispose() => _temp.Dispose();
}
