using SweLego.Runs;

namespace SweLego.Benchmarking;

/// <summary>
/// One <c>swelego bench tokenize</c> run, as written to <c>bench/tokenize.json</c> (throughputs in MB of UTF-8 per
/// second). The reference is Hugging Face's Rust tokenizer under node: <c>encode</c> once per document in sequence
/// (single) and one <c>encodeBatch</c> over all documents (its own thread pool); ours is <c>Encode</c> per document on
/// one thread and the documents spread over <see cref="Threads"/> threads. <see cref="Mismatch"/> names the first
/// document and id position where the ids differ (null when all are equal).
/// </summary>
public sealed record TokenizerBenchmarkReport(
    string Tokenizer, int Documents, long Bytes, long Tokens, int Threads,
    double SingleThreadedMegabytesPerSecond, double ParallelMegabytesPerSecond,
    double ReferenceSingleMegabytesPerSecond, double ReferenceBatchMegabytesPerSecond,
    double SingleThreadedRatio, double ParallelRatio, string? Mismatch) : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;
}
