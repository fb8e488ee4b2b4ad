using SweLego.Runs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Runs;

public sealed class JsonlReaderTests
{
    private const string A = "{\"key\":\"a\",\"value\":1,\"v\":1}";
    private const string B = "{\"key\":\"b\",\"value\":2,\"v\":1}";
    private const string C = "{\"key\":\"c\",\"value\":3,\"v\":1}";

    [Fact]
    public void Read_LastLineWithoutNewline_IgnoresIt()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, $"{A}\n{B}\n{{\"key\":\"c\",\"va");

        var result = JsonlReader.ReadAll<Item>(path);

        Assert.Equal(["a", "b"], result.Records.Select(r => r.Key));
        Assert.Equal(new JsonlTornTail(3, 14, "{\"key\":\"c\",\"va"), result.TornTail);
        Assert.Empty(result.SkippedLines);
    }

    [Fact]
    public void Read_CompleteLastLineWithoutNewline_IgnoresItBecauseTheWriterWouldCutIt()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, $"{A}\n{B}");

        Assert.Equal(["a"], JsonlReader.Read<Item>(path).Select(r => r.Key));
    }

    [Fact]
    public void Read_InvalidJsonOnLastLineWithNewline_IgnoresIt()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, $"{A}\n{{\"key\":\"b\",\"val\n\n");

        var result = JsonlReader.ReadAll<Item>(path);

        Assert.Equal(["a"], result.Records.Select(r => r.Key));
        Assert.Equal(new JsonlTornTail(2, 17, "{\"key\":\"b\",\"val"), result.TornTail);
    }

    [Fact]
    public void Read_InvalidLineInTheMiddle_ThrowsNamingFileAndLine()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, $"{A}\n{{\"key\":\"b\",\"val\n{C}\n");

        var error = Assert.Throws<RunDataException>(() => JsonlReader.Read<Item>(path).ToList());

        Assert.Equal(2, error.LineNumber);
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith($"{path}:2: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidLineInTheMiddle_YieldsRecordsBeforeItThenThrows()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, $"{A}\n{B}\ngarbage\n{C}\n");
        var seen = new List<string>();

        var error = Assert.Throws<RunDataException>(() =>
        {
            foreach (var item in JsonlReader.Read<Item>(path))
            {
                seen.Add(item.Key);
            }
        });

        Assert.Equal(["a", "b"], seen);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void ReadAll_SkipInvalidLines_SkipsAndReportsLineNumbers()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, $"{A}\ngarbage\n\n{B}\n{{\"key\":\n{C}\n{{\"torn");

        var result = JsonlReader.ReadAll<Item>(path, new JsonlReadOptions { SkipInvalidLines = true });

        Assert.Equal(["a", "b", "c"], result.Records.Select(r => r.Key));
        Assert.Equal([2, 5], result.SkippedLines);
        Assert.Equal(new JsonlTornTail(7, 6, "{\"torn"), result.TornTail);
    }

    [Fact]
    public void Read_WellFormedJsonOfWrongShapeOnLastLine_Throws()
    {
        using var temp = new TempDirectory();
        // Valid JSON cannot come from a torn write; it is a bug or a format mismatch, not a crash.
        var path = Write(temp, $"{A}\n[1,2,3]\n");

        var error = Assert.Throws<RunDataException>(() => JsonlReader.Read<Item>(path).ToList());

        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void Read_NullLine_Throws()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, $"null\n{A}\n");

        var error = Assert.Throws<RunDataException>(() => JsonlReader.Read<Item>(path).ToList());

        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Read_LinesLongerThanTheBuffer_ReadsThemWhole()
    {
        using var temp = new TempDirectory();
        var longKey = new string('k', 300_000);
        var path = Write(temp, $"{A}\n{{\"key\":\"{longKey}\",\"value\":2,\"v\":1}}\r\n{C}\n");

        Assert.Equal([1, 300_000, 1], JsonlReader.Read<Item>(path).Select(r => r.Key.Length));
    }

    [Fact]
    public void Read_EmptyFile_YieldsNothing()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, string.Empty);

        var result = JsonlReader.ReadAll<Item>(path);

        Assert.Empty(result.Records);
        Assert.Null(result.TornTail);
    }

    [Fact]
    public void ReadKeys_FileWithTornTail_ReturnsKeysOfCompleteRecords()
    {
        using var temp = new TempDirectory();
        var path = Write(temp, $"{A}\n{B}\n{A}\n{{\"key\":\"c\"");

        var keys = JsonlReader.ReadKeys<Item>(path, r => r.Key);

        Assert.Equal(["a", "b"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadKeys_MissingFile_ReturnsEmptySet()
    {
        using var temp = new TempDirectory();

        var keys = JsonlReader.ReadKeys<Item>(temp.Combine("nothing-yet.jsonl"), r => r.Key);

        Assert.Empty(keys);
    }

    private static string Write(TempDirectory temp, string contents)
    {
        var path = temp.Combine("items.jsonl");
        File.WriteAllText(path, contents);
        return path;
    }
}
