namespace SweLego.Curation;

/// <summary>
/// What the trainer sees of one record (or a sum of records), counted the way LLaMA-Factory encodes and
/// truncates it: <see cref="Total"/> = tokens in the sequence after the cut at <c>cutoff_len</c>;
/// <see cref="Trained"/> = tokens with a label (unmasked assistant turns, their <c>&lt;|im_end|&gt;\n</c> included);
/// <see cref="Masked"/> = tokens of masked assistant turns (in the sequence, no label); <see cref="Truncated"/> =
/// tokens of the rendered record that the cut removed. Prompt tokens (system, user) = Total − Trained − Masked.
/// </summary>
public sealed record TokenCounts(long Total, long Trained, long Masked, long Truncated)
{
    public static TokenCounts Zero { get; } = new(0, 0, 0, 0);

    public TokenCounts Add(TokenCounts other) =>
        new(Total + other.Total, Trained + other.Trained, Masked + other.Masked, Truncated + other.Truncated);
}
