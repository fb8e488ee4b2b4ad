namespace SweLego.Curation;

/// <summary>
/// The masking decision for one assistant turn (1-based, in conversation order), with the rule that made it:
/// a mask rule's id when <see cref="Masked"/>, an exemption's id when a mask rule matched but the command
/// was exempt (running tests, a reproduction script), or <see cref="Clean"/> when no rule matched.
/// <see cref="Evidence"/> is the short piece of the observation or command the rule matched, for audits.
/// </summary>
public sealed record TurnDecision(int Turn, bool Masked, string Rule, string? Evidence = null)
{
    public const string Clean = "clean";

    /// <summary>The turn's response tokens in the trained sequence (after the cut), set by curation's token accounting.</summary>
    public int? Tokens { get; init; }
}
