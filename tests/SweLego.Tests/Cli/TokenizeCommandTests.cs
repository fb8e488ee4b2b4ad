using System.Text.Json;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Cli;

/// <summary><c>swelego tokenize</c> on real files against the reference's counts; an unreadable file is named and the rest still counted.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class TokenizeCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-tokenize-");

    [Fact]
    public async Task Tokenize_FilesAndAMissingOne_CountsEachNamesTheMissingExits1()
    {
        string[] texts = ["<|im_start|>user\nFix tally/report.py 🚀<|im_end|>\n", "def f(x):\n\treturn x  # 𝐀\n"];
        string a = _temp.Combine("a.txt"), b = _temp.Combine("b.txt"), missing = _temp.Combine("missing.txt");
        File.WriteAllText(a, texts[0]);
        File.WriteAllText(b, texts[1]);
        var reference = await HuggingFaceReference.EncodeAsync(texts);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("tokenize", "--tokenizer", HuggingFaceReference.TokenizerPath, a, missing, b, "--ids");

        Assert.Equal(1, exit);
        Assert.Contains($"error: {missing}: ", stderr, StringComparison.Ordinal);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{reference[0].Length,10}  {a}", lines[0]);
        Assert.Equal(string.Join(' ', reference[0]), lines[1]);
        Assert.Equal($"{reference[1].Length,10}  {b}", lines[2]);
        Assert.Equal(string.Join(' ', reference[1]), lines[3]);
        Assert.StartsWith($"{reference[0].Length + reference[1].Length,10}  total (2 files, 1 unreadable; ", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokenize_Json_HasFilesTokensIdsErrorsAndTotal()
    {
        string a = _temp.Combine("a.txt"), missing = _temp.Combine("missing.txt");
        File.WriteAllText(a, "hello world");

        var (exit, stdout, _) = await CliRunner.RunAsync("tokenize", a, missing, "--ids", "--json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(HuggingFaceReference.TokenizerPath, root.GetProperty("tokenizer").GetString());
        var files = root.GetProperty("files");
        Assert.Equal(a, files[0].GetProperty("path").GetString());
        Assert.Equal(2, files[0].GetProperty("tokens").GetInt32());
        Assert.Equal([14990, 1879], files[0].GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()));
        Assert.Equal(missing, files[1].GetProperty("path").GetString());
        Assert.False(files[1].TryGetProperty("tokens", out _));
        Assert.Contains("missing.txt", files[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, root.GetProperty("total").GetInt32());
    }

    public void Dispose() => _temp.Dispose();
}
