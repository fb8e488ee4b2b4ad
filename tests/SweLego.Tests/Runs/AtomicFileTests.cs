using System.Text;
using SweLego.Runs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Runs;

public sealed class AtomicFileTests
{
    [Fact]
    public void Write_CallbackThrowsMidway_LeavesOldFileIntactAndNoTemporaryFile()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("data.json");
        File.WriteAllText(path, "old contents");

        var error = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new contents, first half"u8);
            stream.Flush();
            throw new InvalidOperationException("disk on fire");
        }));

        Assert.Equal("disk on fire", error.Message);
        Assert.Equal("old contents", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task WriteAsync_Cancelled_LeavesOldFileIntact()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("data.txt");
        File.WriteAllText(path, "old");
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await stream.WriteAsync("new"u8.ToArray(), token);
            await cancellation.CancelAsync();
            token.ThrowIfCancellationRequested();
        }, cancellation.Token));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void WriteAllText_ExistingFile_ReplacesContentsWithoutBom()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("nested", "dir", "note.txt");
        AtomicFile.WriteAllText(path, "first");

        AtomicFile.WriteAllText(path, "second é");

        Assert.Equal(Encoding.UTF8.GetBytes("second é"), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void WriteJson_Record_WritesSnakeCaseIndentedJsonEndingInNewline()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("item.json");

        AtomicFile.WriteJson(path, new Item("a", 1));

        var text = File.ReadAllText(path);
        Assert.Equal("{\n  \"key\": \"a\",\n  \"value\": 1,\n  \"v\": 1\n}\n", text);
    }
}
