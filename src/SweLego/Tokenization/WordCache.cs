using System.Collections.Concurrent;

namespace SweLego.Tokenization;

/// <summary>
/// The ids of pre-tokens already encoded, looked up by span (no string made on a hit) from any thread. Bounded:
/// when <c>capacity</c> words are held it starts over, which keeps memory flat on an endless stream of new words
/// (random identifiers, hashes) at the cost of re-encoding the common ones once.
/// </summary>
internal sealed class WordCache
{
    private readonly ConcurrentDictionary<string, int[]> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly int _capacity;
    private int _count;

    public bool TryGet(ReadOnlySpan<char> word, out int[]? ids) => _bySpan.TryGetValue(word, out ids);

    public WordCache(int capacity)
    {
        _capacity = capacity;
        _bySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Add(string word, int[] ids)
    {
        if (!_words.TryAdd(word, ids)) return;
        if (Interlocked.Increment(ref _count) <= _capacity) return;
        _words.Clear();
        Interlocked.Exchange(ref _count, 0);
    }
}
