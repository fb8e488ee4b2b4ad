using System.Text.Json;
using SweLego.Tests.TestSupport;
using SweLego.Tokenization;

namespace SweLego.Tests.Tokenization;

/// <summary>
/// The tokenizer against Hugging Face's Rust tokenizer on the real Qwen3 tokenizer.json (both installed by
/// scripts/setup.sh): identical ids on a large varied corpus, and the contract around it.
/// </summary>
public sealed class HuggingFaceTokenizerTests
{
    private static readonly Lazy<HuggingFaceTokenizer> Qwen = new(() => HuggingFaceTokenizer.Load(HuggingFaceReference.TokenizerPath));

    [Fact]
    public async Task Encode_VariedCorpus_IdsEqualTheRustReference()
    {
        var corpus = TokenizerTestCorpus.Build(AddedTokens());
        var reference = await HuggingFaceReference.EncodeAsync([.. corpus.Select(c => c.Text)]);

        AssertSameIds(corpus, reference);
        Assert.True(corpus.Sum(c => c.Text.Length) > 2_000_000, "the corpus should be large");
    }

    [Fact]
    public void Count_EqualsTheNumberOfEncodedIds()
    {
        foreach (var (name, text) in TokenizerTestCorpus.Build(AddedTokens()).Take(300))
            Assert.True(Qwen.Value.Encode(text).Count == Qwen.Value.Count(text), name);
    }

    [Fact]
    public void Encode_InParallelOnAFreshTokenizer_EqualsSerial()
    {
        var texts = TokenizerTestCorpus.Build(AddedTokens()).Select(c => c.Text).ToArray();
        var serial = texts.Select(Qwen.Value.Encode).ToArray();
        var fresh = HuggingFaceTokenizer.Load(HuggingFaceReference.TokenizerPath);
        var parallel = new IReadOnlyList<int>[texts.Length];

        Parallel.For(0, texts.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i % texts.Length] = fresh.Encode(texts[i % texts.Length]));

        for (int i = 0; i < texts.Length; i++) Assert.Equal(serial[i], parallel[i]);
    }

    [Fact]
    public void Encode_AddedTokens_AreSingleIdsAndNothingIsPrepended()
    {
        Assert.Equal([151644, 872, 198], Qwen.Value.Encode("<|im_start|>user\n"));
        Assert.Empty(Qwen.Value.Encode(""));
        Assert.Equal("tokenizer.json (151669 tokens)", Qwen.Value.Name);
    }

    private static void AssertSameIds(List<(string Name, string Text)> corpus, IReadOnlyList<int[]> reference)
    {
        for (int i = 0; i < corpus.Count; i++)
        {
            var ours = Qwen.Value.Encode(corpus[i].Text);
            int at = FirstDifference(ours, reference[i]);
            if (at < 0) continue;
            Assert.Fail($"'{corpus[i].Name}': ids differ at position {at} (ours {Show(ours, at)}, reference {Show(reference[i], at)}); " +
                $"text near there: {JsonSerializer.Serialize(Near(corpus[i].Text, ours, at))}");
        }
    }

    private static int FirstDifference(IReadOnlyList<int> a, int[] b)
    {
        for (int i = 0; i < Math.Max(a.Count, b.Length); i++)
            if (i >= a.Count || i >= b.Length || a[i] != b[i]) return i;
        return -1;
    }

    private static string Show(IReadOnlyList<int> ids, int at) => $"[{string.Join(", ", ids.Skip(Math.Max(0, at - 2)).Take(6))}]";

    // Roughly where in the text the differing id is: the text's share matching the id's share.
    private static string Near(string text, IReadOnlyList<int> ids, int at)
    {
        int center = ids.Count == 0 ? 0 : (int)((long)text.Length * at / ids.Count);
        int start = Math.Max(0, center - 60);
        return text.Substring(start, Math.Min(text.Length - start, 120));
    }

    private static IEnumerable<string> AddedTokens()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(HuggingFaceReference.TokenizerPath));
        return [.. json.RootElement.GetProperty("added_tokens").EnumerateArray().Select(t => t.GetProperty("content").GetString()!)];
    }
}
