namespace SweLego.Tokenization;

/// <summary>
/// The reference tokenizer's ids per document, and for a timed run the milliseconds of its single <c>encode</c>
/// calls (one per document, in sequence) and of one <c>encodeBatch</c> over all documents (its thread pool).
/// </summary>
public sealed record ReferenceRun(IReadOnlyList<int[]> Ids, double? SingleMilliseconds, double? BatchMilliseconds);
