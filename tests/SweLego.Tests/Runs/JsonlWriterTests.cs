using System.Text;
using SweLego.Runs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Runs;

public sealed class JsonlWriterTests
{
    [Fact]
    public void Append_TwoRecords_WritesOneLinePerRecord()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("stage", "items.jsonl");

        using (var writer = new JsonlWriter<Item>(path))
        {
            writer.Append(new Item("a", 1));
            writer.Append(new Item("b\nc", 2));
        }

        Assert.Equal("{\"key\":\"a\",\"value\":1,\"v\":1}\n{\"key\":\"b\\nc\",\"value\":2,\"v\":1}\n", File.ReadAllText(path));
    }

    [Fact]
    public void Open_FileWithTornTail_TruncatesToLastNewlineBeforeAppending()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("items.jsonl");
        const string Complete = "{\"key\":\"a\",\"value\":1,\"v\":1}\n";
        File.WriteAllText(path, Complete + "{\"key\":\"b\",\"val");

        using (var writer = new JsonlWriter<Item>(path))
        {
            Assert.Equal("{\"key\":\"b\",\"val".Length, writer.RepairedBytes);
            writer.Append(new Item("c", 3));
        }

        Assert.Equal(Complete + "{\"key\":\"c\",\"value\":3,\"v\":1}\n", File.ReadAllText(path));
        Assert.Equal(["a", "c"], JsonlReader.Read<Item>(path).Select(i => i.Key));
    }

    [Fact]
    public void Open_TornFirstLineWithoutAnyNewline_TruncatesToEmpty()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("items.jsonl");
        File.WriteAllText(path, "{\"key\":\"a\"");

        using (var writer = new JsonlWriter<Item>(path))
        {
            writer.Append(new Item("b", 2));
        }

        Assert.Equal("{\"key\":\"b\",\"value\":2,\"v\":1}\n", File.ReadAllText(path));
    }

    [Fact]
    public void Open_LastCompleteLineIsGarbage_RemovesItLikeTheReaderIgnoresIt()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("items.jsonl");
        const string Complete = "{\"key\":\"a\",\"value\":1,\"v\":1}\n";
        // Zero-filled blocks are what a power loss can leave at the end of a file.
        File.WriteAllText(path, Complete + "\0\0\0\0\n\n");

        using (var writer = new JsonlWriter<Item>(path))
        {
            Assert.Equal(6, writer.RepairedBytes);
            writer.Append(new Item("b", 2));
        }

        Assert.Equal(["a", "b"], JsonlReader.Read<Item>(path).Select(i => i.Key));
    }

    [Fact]
    public void Open_LongTornTailAcrossChunks_TruncatesToLastNewline()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("items.jsonl");
        var complete = $"{{\"key\":\"{new string('x', 100_000)}\",\"value\":1,\"v\":1}}\n";
        File.WriteAllText(path, complete + "{\"key\":\"" + new string('y', 200_000));

        using (var writer = new JsonlWriter<Item>(path))
        {
            writer.Append(new Item("b", 2));
        }

        Assert.Equal([100_000, 1], JsonlReader.Read<Item>(path).Select(i => i.Key.Length));
    }

    [Fact]
    public void Open_CleanFile_RepairsNothingAndAppends()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("items.jsonl");
        using (var writer = new JsonlWriter<Item>(path))
        {
            writer.Append(new Item("a", 1));
        }

        using (var writer = new JsonlWriter<Item>(path, new JsonlWriterOptions { FlushToDiskEachRecord = false }))
        {
            Assert.Equal(0, writer.RepairedBytes);
            writer.Append(new Item("b", 2));
        }

        Assert.Equal(["a", "b"], JsonlReader.Read<Item>(path).Select(i => i.Key));
    }

    [Fact]
    public async Task Append_ManyThreads_EveryRecordIsOneWholeLine()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("items.jsonl");
        const int Threads = 8;
        const int PerThread = 200;
        var bigValue = new string('z', 5_000);

        using (var writer = new JsonlWriter<Item>(path, new JsonlWriterOptions { FlushToDiskEachRecord = false }))
        {
            var tasks = Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
            {
                for (var i = 0; i < PerThread; i++)
                {
                    var item = new Item($"{t}-{i}-{bigValue}", i);
                    if (i % 2 == 0)
                    {
                        writer.Append(item);
                    }
                    else
                    {
                        await writer.AppendAsync(item, CancellationToken.None);
                    }
                }
            }));
            await Task.WhenAll(tasks);
        }

        var result = JsonlReader.ReadAll<Item>(path);
        Assert.Equal(Threads * PerThread, result.Records.Count);
        Assert.Equal(Threads * PerThread, result.Records.Select(r => r.Key).Distinct().Count());
        Assert.Null(result.TornTail);
        Assert.Empty(result.SkippedLines);
    }

    [Fact]
    public void Append_RecordWithoutVersion_Throws()
    {
        using var temp = new TempDirectory();
        using var writer = new JsonlWriter<Item>(temp.Combine("items.jsonl"));

        var error = Assert.Throws<ArgumentException>(() => writer.Append(new Item("a", 1) { V = 0 }));

        Assert.Contains("format version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_IndentedSerializerOptions_Throws()
    {
        using var temp = new TempDirectory();
        var options = new JsonlWriterOptions { SerializerOptions = RunJson.IndentedOptions };

        Assert.Throws<ArgumentException>(() => new JsonlWriter<Item>(temp.Combine("items.jsonl"), options));
    }

    [Fact]
    public void Constructor_FileAlreadyOpenInAnotherWriter_ThrowsUntilTheFirstIsDisposed()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("items.jsonl");
        var first = new JsonlWriter<Item>(path);

        var error = Assert.Throws<IOException>(() => new JsonlWriter<Item>(path));

        Assert.Contains("already open in another JsonlWriter", error.Message, StringComparison.Ordinal);
        first.Dispose();
        using var second = new JsonlWriter<Item>(path);
        second.Append(new Item("a", 1));
        Assert.Single(JsonlReader.Read<Item>(path));
    }

    [Fact]
    public void Append_AfterDispose_ThrowsObjectDisposed()
    {
        using var temp = new TempDirectory();
        var writer = new JsonlWriter<Item>(temp.Combine("items.jsonl"));
        writer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => writer.Append(new Item("a", 1)));
    }

    [Fact]
    public void Append_WhileReaderReadsConcurrently_ReaderSeesOnlyWholeRecords()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("items.jsonl");
        using var writer = new JsonlWriter<Item>(path, new JsonlWriterOptions { FlushToDiskEachRecord = false });

        for (var i = 0; i < 50; i++)
        {
            writer.Append(new Item(i.ToString(System.Globalization.CultureInfo.InvariantCulture), i));
            Assert.Equal(i + 1, JsonlReader.Read<Item>(path).Count());
        }

        Assert.Equal(Encoding.UTF8.GetByteCount(File.ReadAllText(path)), new FileInfo(path).Length);
    }
}
