namespace SweLego.Tokenization;

/// <summary>
/// What <see cref="HuggingFaceTokenizer"/> needs from a tokenizer.json once <see cref="TokenizerJson"/> checked that
/// every part is one it implements: the byte-level BPE's vocabulary and merges (<c>"left right"</c>, in rank order),
/// the added tokens, and whether the normalizer is NFC (otherwise there is none).
/// </summary>
internal sealed record TokenizerDefinition(
    string Path, IReadOnlyDictionary<string, int> Vocabulary, IReadOnlyList<string> Merges, IReadOnlyList<AddedToken> AddedTokens, bool Nfc);
