using Microsoft.ML.Tokenizers;

namespace SweLego.Tokenization;

/// <summary>
/// A Hugging Face byte-level BPE tokenizer (Qwen2/Qwen3's tokenizer.json) giving the ids of its Rust
/// implementation with <c>add_special_tokens=False</c>. The pipeline is Hugging Face's: added tokens split out of
/// the raw text (<see cref="AddedTokenMatcher"/>), NFC (<see cref="IcuNfc"/>), the Qwen split by code point (<see cref="QwenPreTokenizer"/>),
/// then each pre-token through the byte-level BPE of <c>Microsoft.ML.Tokenizers</c> (built from the file's
/// vocabulary and merges). Pre-tokens repeat heavily in code and trajectories, so their ids are cached
/// (<see cref="WordCache"/>); <see cref="Count"/> allocates nothing for cached words in normalized text.
/// </summary>
public sealed class HuggingFaceTokenizer : ITokenEncoder
{
    /// <summary>Longer pre-tokens (long symbol or whitespace runs, base64) are encoded every time, not cached.</summary>
    private const int MaxCachedWordLength = 64;

    private readonly BpeTokenizer _bpe;
    private readonly AddedTokenMatcher _raw;
    private readonly AddedTokenMatcher _normalized;
    private readonly bool _nfc;
    private readonly WordCache _cache = new(capacity: 200_000);

    private HuggingFaceTokenizer(TokenizerDefinition definition)
    {
        _bpe = BpeTokenizer.Create(new BpeOptions(definition.Vocabulary) { Merges = definition.Merges, ByteLevel = true });
        _nfc = definition.Nfc;
        _raw = new AddedTokenMatcher(definition.AddedTokens.Where(t => !t.Normalized), content => content);
        _normalized = new AddedTokenMatcher(definition.AddedTokens.Where(t => t.Normalized), content => _nfc ? IcuNfc.Normalize(content) : content);
        VocabularySize = definition.Vocabulary.Count + definition.AddedTokens.Count(t => !definition.Vocabulary.ContainsKey(t.Content));
        Name = $"{System.IO.Path.GetFileName(definition.Path)} ({VocabularySize} tokens)";
        Path = definition.Path;
    }

    public string Name { get; }

    /// <summary>The tokenizer.json this was loaded from.</summary>
    public string Path { get; }

    /// <summary>Model vocabulary plus added tokens (Qwen3: 151,643 + 26).</summary>
    public int VocabularySize { get; }

    /// <summary>Reads and checks <paramref name="path"/>; <see cref="TokenizerFileException"/> names the file and the part it cannot use.</summary>
    public static HuggingFaceTokenizer Load(string path) => new(TokenizerJson.Read(path));

    public IReadOnlyList<int> Encode(string text)
    {
        var sink = new ListSink(new List<int>(text.Length / 3 + 4));
        Run(text, ref sink);
        return sink.Ids;
    }

    public int Count(string text)
    {
        var sink = new CountSink();
        Run(text, ref sink);
        return sink.Count;
    }

    private interface ISink
    {
        void Add(int id);

        void Add(ReadOnlySpan<int> ids);
    }

    private struct ListSink(List<int> ids) : ISink
    {
        public readonly List<int> Ids = ids;

        public readonly void Add(int id) => Ids.Add(id);

        public readonly void Add(ReadOnlySpan<int> ids) => Ids.AddRange(ids);
    }

    private struct CountSink : ISink
    {
        public int Count;

        public void Add(int id) => Count++;

        public void Add(ReadOnlySpan<int> ids) => Count += ids.Length;
    }

    private void Run<TSink>(string text, ref TSink sink) where TSink : struct, ISink
    {
        int done = 0;
        while (_raw.TryFindNext(text, done, done, out int id, out int start, out int end))
        {
            RunNormalized(text.AsSpan(done, start - done), ref sink);
            sink.Add(id);
            done = end;
        }
        RunNormalized(text.AsSpan(done), ref sink);
    }

    private void RunNormalized<TSink>(ReadOnlySpan<char> segment, ref TSink sink) where TSink : struct, ISink
    {
        if (segment.IsEmpty) return;
        if (_nfc && IcuNfc.MayNeedWork(segment)) segment = IcuNfc.Normalize(segment.ToString());
        if (_normalized.IsEmpty)
        {
            RunWords(segment, ref sink);
            return;
        }
        int done = 0;
        while (_normalized.TryFindNext(segment, done, done, out int id, out int start, out int end))
        {
            RunWords(segment[done..start], ref sink);
            sink.Add(id);
            done = end;
        }
        RunWords(segment[done..], ref sink);
    }

    private void RunWords<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, ISink
    {
        int at = 0;
        while (at < text.Length)
        {
            int length = QwenPreTokenizer.MatchLength(text, at);
            var word = text.Slice(at, length);
            if (length <= MaxCachedWordLength)
            {
                if (!_cache.TryGet(word, out int[]? ids))
                {
                    string key = word.ToString();
                    ids = EncodeWord(key);
                    _cache.Add(key, ids);
                }
                sink.Add(ids);
            }
            else
            {
                sink.Add(EncodeWord(word.ToString()));
            }
            at += length;
        }
    }

    private int[] EncodeWord(string word) => [.. _bpe.EncodeToIds(word, considerPreTokenization: false, considerNormalization: false)];
}
