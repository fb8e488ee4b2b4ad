using System.Text.Json.Nodes;
using SweLego.Tests.TestSupport;
using SweLego.Tokenization;

namespace SweLego.Tests.Tokenization;

/// <summary>tokenizer.json files the tokenizer cannot reproduce are refused with the file and the part named; a missing file says how to get one.</summary>
public sealed class TokenizerFileTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-tokenizer-");

    [Theory]
    [InlineData("normalizer", """{"type": "NFKC"}""", "unsupported tokenizer.json normalizer: type NFKC")]
    [InlineData("model", """{"type": "Unigram"}""", "unsupported tokenizer.json model: type Unigram")]
    [InlineData("pre_tokenizer", """{"type": "Sequence", "pretokenizers": [{"type": "Split", "pattern": {"Regex": "\\s+"}, "behavior": "Isolated", "invert": false}, {"type": "ByteLevel", "add_prefix_space": false, "use_regex": false}]}""",
        "unsupported tokenizer.json pre_tokenizer[0].pattern: regex \\s+")]
    [InlineData("pre_tokenizer", """{"type": "ByteLevel", "add_prefix_space": true}""", "unsupported tokenizer.json pre_tokenizer: type ByteLevel")]
    public void Load_UnsupportedPart_NamesFileAndPart(string field, string json, string expected)
    {
        var document = JsonNode.Parse(File.ReadAllText(HuggingFaceReference.TokenizerPath))!;
        document[field] = JsonNode.Parse(json);
        string path = _temp.Combine("tokenizer.json");
        File.WriteAllText(path, document.ToJsonString());

        var error = Assert.Throws<TokenizerFileException>(() => HuggingFaceTokenizer.Load(path));

        Assert.StartsWith($"{path}: {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJson_NamesFileAndLine()
    {
        string path = _temp.Combine("broken.json");
        File.WriteAllText(path, "{\n  \"model\": [1, 2,\n");

        var error = Assert.Throws<TokenizerFileException>(() => HuggingFaceTokenizer.Load(path));

        Assert.StartsWith($"{path}: not valid JSON (line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingFile_SaysHowToGetOne()
    {
        string missing = _temp.Combine("nope.json");

        Assert.Equal($"The tokenizer file {missing} (--tokenizer) does not exist.",
            Assert.Throws<TokenizerFileException>(() => TokenizerFiles.Resolve(missing)).Message);
        Assert.Equal(HuggingFaceReference.TokenizerPath, TokenizerFiles.Resolve(null));
    }

    public void Dispose() => _temp.Dispose();
}
