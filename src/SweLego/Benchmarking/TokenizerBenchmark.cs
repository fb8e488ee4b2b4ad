using System.Diagnostics;
using System.Text;
using SweLego.Tokenization;

namespace SweLego.Benchmarking;

/// <summary>
/// <c>swelego bench tokenize</c>: our tokenizer and Hugging Face's Rust tokenizer (<see cref="ReferenceTokenizer"/>,
/// timed inside its node process, start-up and file reading excluded) on the same documents in the same run. Both
/// get one unmeasured warm-up pass (each has a word cache); then the ids are compared document by document.
/// </summary>
public static class TokenizerBenchmark
{
    public static async Task<TokenizerBenchmarkReport> RunAsync(HuggingFaceTokenizer tokenizer, IReadOnlyList<string> documents,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        long bytes = documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d));
        progress?.Report($"SweLego tokenizer on {documents.Count} documents");
        foreach (string document in documents) tokenizer.Encode(document);

        var clock = Stopwatch.StartNew();
        var ours = new IReadOnlyList<int>[documents.Count];
        for (int i = 0; i < documents.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ours[i] = tokenizer.Encode(documents[i]);
        }
        double single = clock.Elapsed.TotalSeconds;

        int threads = Environment.ProcessorCount;
        clock.Restart();
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            i => tokenizer.Encode(documents[i]));
        double parallel = clock.Elapsed.TotalSeconds;

        progress?.Report($"Hugging Face tokenizers (node) on {documents.Count} documents");
        var reference = await ReferenceTokenizer.RunAsync(tokenizer.Path, documents, timed: true, cancellationToken);

        double megabytes = bytes / 1e6;
        double referenceSingle = megabytes / (reference.SingleMilliseconds!.Value / 1000);
        double referenceBatch = megabytes / (reference.BatchMilliseconds!.Value / 1000);
        return new TokenizerBenchmarkReport(tokenizer.Name, documents.Count, bytes, ours.Sum(ids => (long)ids.Count), threads,
            megabytes / single, megabytes / parallel, referenceSingle, referenceBatch,
            megabytes / single / referenceSingle, megabytes / parallel / referenceBatch, FirstMismatch(ours, reference.Ids));
    }

    /// <summary>"document D, id I: ours X, reference Y" for the first difference, or null.</summary>
    public static string? FirstMismatch(IReadOnlyList<IReadOnlyList<int>> ours, IReadOnlyList<int[]> reference)
    {
        for (int d = 0; d < ours.Count; d++)
        {
            var (a, b) = (ours[d], reference[d]);
            for (int i = 0; i < Math.Max(a.Count, b.Length); i++)
            {
                if (i >= a.Count || i >= b.Length || a[i] != b[i])
                    return $"document {d}, id {i}: ours {(i < a.Count ? a[i] : "(end)")}, reference {(i < b.Length ? b[i] : "(end)")}";
            }
        }
        return null;
    }
}
