using System.Text.Json;

namespace SweLego.Tokenization;

/// <summary>
/// Reads a Hugging Face tokenizer.json into a <see cref="TokenizerDefinition"/>, accepting exactly the shape
/// <see cref="HuggingFaceTokenizer"/> reproduces (Qwen2/Qwen3's): a BPE model without dropout, unknown token,
/// subword affixes, byte fallback or <c>ignore_merges</c>; no normalizer or NFC; the pre-tokenizer
/// <c>Sequence[Split(<see cref="QwenPreTokenizer.Pattern"/>, Isolated), ByteLevel(use_regex false, no prefix space)]</c>.
/// Anything else is one <see cref="TokenizerFileException"/> naming the file and the part, rather than ids that
/// silently differ from the trainer's. The post-processor and decoder are not read: with
/// <c>add_special_tokens=False</c> and no offsets they do not change ids.
/// </summary>
internal static class TokenizerJson
{
    public static TokenizerDefinition Read(string path)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TokenizerFileException($"{path}: cannot read the tokenizer file: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new TokenizerFileException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Unsupported(path, "document", "expected a JSON object (a Hugging Face tokenizer.json)");
            bool nfc = ReadNormalizer(path, root);
            CheckPreTokenizer(path, root);
            var (vocabulary, merges) = ReadModel(path, root);
            var added = ReadAddedTokens(path, root);
            return new TokenizerDefinition(path, vocabulary, merges, added, nfc);
        }
    }

    private static bool ReadNormalizer(string path, JsonElement root)
    {
        if (!root.TryGetProperty("normalizer", out var normalizer) || normalizer.ValueKind == JsonValueKind.Null) return false;
        string type = TypeOf(normalizer);
        if (type == "NFC") return true;
        if (type == "Sequence" && normalizer.TryGetProperty("normalizers", out var list) && list.ValueKind == JsonValueKind.Array
            && list.GetArrayLength() == 1 && TypeOf(list[0]) == "NFC") return true;
        throw Unsupported(path, "normalizer", $"type {type} (only NFC or none is implemented)");
    }

    private static void CheckPreTokenizer(string path, JsonElement root)
    {
        const string Expected = "a Sequence of Split (the Qwen regex, Isolated) and ByteLevel (use_regex false, add_prefix_space false)";
        if (!root.TryGetProperty("pre_tokenizer", out var pre) || pre.ValueKind != JsonValueKind.Object)
            throw Unsupported(path, "pre_tokenizer", $"missing; expected {Expected}");
        if (TypeOf(pre) != "Sequence" || !pre.TryGetProperty("pretokenizers", out var steps) || steps.ValueKind != JsonValueKind.Array || steps.GetArrayLength() != 2)
            throw Unsupported(path, "pre_tokenizer", $"type {TypeOf(pre)}; expected {Expected}");
        var split = steps[0];
        if (TypeOf(split) != "Split") throw Unsupported(path, "pre_tokenizer[0]", $"type {TypeOf(split)}; expected {Expected}");
        string? pattern = split.TryGetProperty("pattern", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("Regex", out var regex)
            && regex.ValueKind == JsonValueKind.String ? regex.GetString() : null;
        if (pattern != QwenPreTokenizer.Pattern)
            throw Unsupported(path, "pre_tokenizer[0].pattern", $"{(pattern is null ? "not a Regex" : $"regex {pattern}")}; only the Qwen2/Qwen3 split {QwenPreTokenizer.Pattern} is implemented");
        if (String(split, "behavior") != "Isolated" || Bool(split, "invert"))
            throw Unsupported(path, "pre_tokenizer[0]", $"behavior {String(split, "behavior")}, invert {Bool(split, "invert")}; expected Isolated, not inverted");
        var byteLevel = steps[1];
        if (TypeOf(byteLevel) != "ByteLevel" || Bool(byteLevel, "use_regex") || Bool(byteLevel, "add_prefix_space"))
            throw Unsupported(path, "pre_tokenizer[1]", $"type {TypeOf(byteLevel)} (use_regex {Bool(byteLevel, "use_regex")}, add_prefix_space {Bool(byteLevel, "add_prefix_space")}); expected {Expected}");
    }

    private static (Dictionary<string, int> Vocabulary, List<string> Merges) ReadModel(string path, JsonElement root)
    {
        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object) throw Unsupported(path, "model", "missing");
        if (TypeOf(model) != "BPE") throw Unsupported(path, "model", $"type {TypeOf(model)} (only BPE is implemented)");
        foreach (string flag in (string[])["byte_fallback", "ignore_merges"])
            if (Bool(model, flag)) throw Unsupported(path, $"model.{flag}", "true (not implemented)");
        foreach (string field in (string[])["dropout", "unk_token", "continuing_subword_prefix", "end_of_word_suffix"])
        {
            if (model.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null && !(value.ValueKind == JsonValueKind.String && value.GetString() == ""))
                throw Unsupported(path, $"model.{field}", $"{value.GetRawText()} (only null is implemented)");
        }
        if (!model.TryGetProperty("vocab", out var vocab) || vocab.ValueKind != JsonValueKind.Object) throw Unsupported(path, "model.vocab", "missing or not an object");
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in vocab.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out int id) || id < 0)
                throw Unsupported(path, "model.vocab", $"entry {entry.Name}: {entry.Value.GetRawText()} is not a token id");
            vocabulary[entry.Name] = id;
        }
        if (!model.TryGetProperty("merges", out var mergeList) || mergeList.ValueKind != JsonValueKind.Array) throw Unsupported(path, "model.merges", "missing or not an array");
        var merges = new List<string>(mergeList.GetArrayLength());
        int index = 0;
        foreach (var merge in mergeList.EnumerateArray())
        {
            // Two shapes exist: "left right" (older files) and ["left", "right"].
            string? text = merge.ValueKind switch
            {
                JsonValueKind.String => merge.GetString(),
                JsonValueKind.Array when merge.GetArrayLength() == 2 && merge[0].GetString() is { } l && merge[1].GetString() is { } r
                    && !l.Contains(' ') && !r.Contains(' ') => $"{l} {r}",
                _ => null,
            };
            if (text is null || text.Split(' ').Length != 2)
                throw Unsupported(path, "model.merges", $"entry {index}: {merge.GetRawText()} is not a pair of tokens without spaces");
            merges.Add(text);
            index++;
        }
        return (vocabulary, merges);
    }

    private static List<AddedToken> ReadAddedTokens(string path, JsonElement root)
    {
        var tokens = new List<AddedToken>();
        if (!root.TryGetProperty("added_tokens", out var list) || list.ValueKind == JsonValueKind.Null) return tokens;
        if (list.ValueKind != JsonValueKind.Array) throw Unsupported(path, "added_tokens", "not an array");
        int index = 0;
        foreach (var token in list.EnumerateArray())
        {
            if (token.ValueKind != JsonValueKind.Object || !token.TryGetProperty("id", out var id) || !id.TryGetInt32(out int value)
                || String(token, "content") is not { Length: > 0 } content)
                throw Unsupported(path, $"added_tokens[{index}]", $"{token.GetRawText()} needs an integer id and a non-empty content");
            tokens.Add(new AddedToken(value, content, Bool(token, "special"), Bool(token, "normalized", defaultValue: true),
                Bool(token, "single_word"), Bool(token, "lstrip"), Bool(token, "rstrip")));
            index++;
        }
        return tokens;
    }

    private static string TypeOf(JsonElement element) => String(element, "type") ?? "(none)";

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Bool(JsonElement element, string name, bool defaultValue = false) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.True : defaultValue;

    private static TokenizerFileException Unsupported(string path, string part, string why) =>
        new($"{path}: unsupported tokenizer.json {part}: {why}");
}
